import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

const displayOptions = { show: { resource: ['order'], operation: ['setAccess'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Download Access',
		name: 'access',
		type: 'options',
		required: true,
		options: [
			{ name: 'Disabled', value: 'disabled', description: 'The customer cannot open their download page, e.g. after a refund' },
			{ name: 'Enabled', value: 'enabled', description: 'The customer can open their download page' },
		],
		default: 'disabled',
		description: "Whether the customer can open the order's download page",
		routing: { send: { type: 'body', property: 'access' } },
	},
];

export const orderSetAccessDescription = updateDisplayOptions(displayOptions, properties);
