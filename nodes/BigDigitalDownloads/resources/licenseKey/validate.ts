import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

const displayOptions = { show: { resource: ['licenseKey'], operation: ['validate'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'License Key',
		name: 'key',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. PLUG-ABCD-1234-EFGH-5678',
		description:
			'The key a customer entered. The output\'s "licensed" is true only when the key exists and is assigned to an order.',
	},
];

export const licenseKeyValidateDescription = updateDisplayOptions(displayOptions, properties);
