import type { INodeProperties } from 'n8n-workflow';

export const licenseKeyIdField: INodeProperties = {
	displayName: 'License Key ID',
	name: 'licenseKeyId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. key_abc123',
	description: 'The BigDD ID of the license key (not the key itself). Get Many finds it by key or tag.',
};
