import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { licenseKeyIdField } from './fields';

const displayOptions = { show: { resource: ['licenseKey'], operation: ['delete'] } };

const properties: INodeProperties[] = [
	{ ...licenseKeyIdField, description: "An unassigned key; unassign an assigned key first. By ID takes BigDD's ID of the key, not the key text." },
];

export const licenseKeyDeleteDescription = updateDisplayOptions(displayOptions, properties);
