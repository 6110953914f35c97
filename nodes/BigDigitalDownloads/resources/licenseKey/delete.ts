import type { INodeProperties } from 'n8n-workflow';
import { licenseKeyIdField } from './fields';

const showOnlyForLicenseKeyDelete = { resource: ['licenseKey'], operation: ['delete'] };

export const licenseKeyDeleteDescription: INodeProperties[] = [
	{ ...licenseKeyIdField, description: 'An unassigned key; unassign an assigned key first', displayOptions: { show: showOnlyForLicenseKeyDelete } },
];
