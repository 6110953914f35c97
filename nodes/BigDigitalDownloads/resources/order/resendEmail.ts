import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { optionsCollection } from '../../shared/descriptions';

const displayOptions = { show: { resource: ['order'], operation: ['resendEmail'] } };

const properties: INodeProperties[] = [
	optionsCollection([
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

export const orderResendEmailDescription = updateDisplayOptions(displayOptions, properties);
