import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { licenseKeyIdField } from './fields';

const displayOptions = { show: { resource: ['licenseKey'], operation: ['unassign'] } };

const properties: INodeProperties[] = [
	licenseKeyIdField,
];

export const licenseKeyUnassignDescription = updateDisplayOptions(displayOptions, properties);
