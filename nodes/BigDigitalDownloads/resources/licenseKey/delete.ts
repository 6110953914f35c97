import type { INodeProperties } from 'n8n-workflow';
import { licenseKeyIdField } from './fields';

const showOnlyForLicenseKeyDelete = { resource: ['licenseKey'], operation: ['delete'] };

export const licenseKeyDeleteDescription: INodeProperties[] = [
	{ ...licenseKeyIdField, description: "An unassigned key; unassign an assigned key first. By ID takes BigDD's ID of the key, not the key text.", displayOptions: { show: showOnlyForLicenseKeyDelete } },
];
