import type { INodeProperties } from 'n8n-workflow';
import { optionsCollection } from '../../shared/descriptions';
import { orderIdField } from './fields';

const showOnlyForOrderResendEmail = { resource: ['order'], operation: ['resendEmail'] };

export const orderResendEmailDescription: INodeProperties[] = [
	{ ...orderIdField, displayOptions: { show: showOnlyForOrderResendEmail } },
	optionsCollection(showOnlyForOrderResendEmail, [
		{
			displayName: 'New Email',
			name: 'newEmail',
			type: 'string',
			placeholder: 'e.g. name@email.com',
			default: '',
			description: 'Send to this address instead; it also replaces the customer email on the order',
			routing: { send: { type: 'body', property: 'customer_email' } },
		},
	]),
];
