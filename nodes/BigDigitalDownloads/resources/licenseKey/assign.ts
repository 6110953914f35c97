import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

const displayOptions = { show: { resource: ['licenseKey'], operation: ['assign'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Order Name',
		name: 'orderName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. #1042',
		description: 'The Shopify order name to link the key to',
		routing: { send: { type: 'body', property: 'order_name' } },
	},
	{
		displayName: 'Send Email',
		name: 'sendEmail',
		type: 'boolean',
		default: false,
		description: 'Whether to send the delivery email to the customer after assigning the key',
		routing: { send: { type: 'body', property: 'send_email' } },
	},
];

export const licenseKeyAssignDescription = updateDisplayOptions(displayOptions, properties);
