import type { INodeProperties } from 'n8n-workflow';
import { licenseKeyIdField } from './fields';

const showOnlyForLicenseKeyUnassign = { resource: ['licenseKey'], operation: ['unassign'] };

export const licenseKeyUnassignDescription: INodeProperties[] = [
	{ ...licenseKeyIdField, displayOptions: { show: showOnlyForLicenseKeyUnassign } },
];
