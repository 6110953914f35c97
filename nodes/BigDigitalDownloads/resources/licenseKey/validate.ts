import type { INodeProperties } from 'n8n-workflow';

const showOnlyForLicenseKeyValidate = { resource: ['licenseKey'], operation: ['validate'] };

export const licenseKeyValidateDescription: INodeProperties[] = [
	{
		displayName: 'License Key',
		name: 'key',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. PLUG-ABCD-1234-EFGH-5678',
		description:
			'The key a customer entered. The output\'s "licensed" is true only when the key exists and is assigned to an order.',
		displayOptions: { show: showOnlyForLicenseKeyValidate },
		routing: { send: { type: 'query', property: 'key' } },
	},
];
