import type { INodeProperties } from 'n8n-workflow';
import { orderIdField } from './fields';

const showOnlyForOrderResendEmail = { resource: ['order'], operation: ['resendEmail'] };

export const orderResendEmailDescription: INodeProperties[] = [
	{ ...orderIdField, displayOptions: { show: showOnlyForOrderResendEmail } },
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		displayOptions: { show: showOnlyForOrderResendEmail },
		default: {},
		options: [
			{
				displayName: 'New Email',
				name: 'newEmail',
				type: 'string',
				placeholder: 'e.g. name@email.com',
				default: '',
				description: 'Send to this address instead; it also replaces the customer email on the order',
				routing: { send: { type: 'body', property: 'customer_email' } },
			},
		],
	},
];
