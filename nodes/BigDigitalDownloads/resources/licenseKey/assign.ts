import type { Operation } from '../resource';
import { licenseKeyUrl } from './fields';

export const licenseKeyAssign: Operation = {
	toolDescription:
		'Assign an available license key (by its ID) to an order (by its name, e.g. #1001), optionally e-mailing the key to the customer.',
	option: {
		name: 'Assign',
		value: 'assign',
		action: 'Assign license key to order',
		description:
			'Link an available key to an order by order name, optionally emailing the customer',
	},
	oneRecord: {
		request: (item) => {
			const url = `${licenseKeyUrl(item)}/assign`;
			const orderName = item.get('orderName', '');
			if (typeof orderName !== 'string' || orderName.trim() === '')
				throw item.refuse('Order Name is empty');
			return {
				method: 'POST',
				url,
				body: { order_name: orderName, send_email: item.get('sendEmail', false) },
			};
		},
		conflictHint:
			'The key is already assigned to an order. Unassign it first, or pick a key whose status is available.',
		// A repeat could send the delivery email twice.
		notIdempotent: true,
	},
	fields: [
		{
			displayName: 'Order Name',
			name: 'orderName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. #1042',
			description: 'The Shopify order name to link the key to',
		},
		{
			displayName: 'Send Email',
			name: 'sendEmail',
			type: 'boolean',
			default: false,
			description: 'Whether to send the delivery email to the customer after assigning the key',
		},
	],
};
