import type { INodeProperties } from 'n8n-workflow';
import { orderIdField } from './fields';

const showOnlyForOrderSetAccess = { resource: ['order'], operation: ['setAccess'] };

export const orderSetAccessDescription: INodeProperties[] = [
	{ ...orderIdField, displayOptions: { show: showOnlyForOrderSetAccess } },
	{
		displayName: 'Download Access',
		name: 'access',
		type: 'options',
		required: true,
		options: [
			{ name: 'Enabled', value: 'enabled', description: 'The customer can open their download page' },
			{ name: 'Disabled', value: 'disabled', description: 'The customer cannot open their download page, e.g. after a refund' },
		],
		default: 'disabled',
		description: "Whether the customer can open the order's download page",
		displayOptions: { show: showOnlyForOrderSetAccess },
		routing: { send: { type: 'body', property: 'access' } },
	},
];
