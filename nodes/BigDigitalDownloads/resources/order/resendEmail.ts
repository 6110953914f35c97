import type { IDataObject } from 'n8n-workflow';
import type { Operation } from '../resource';
import { assertEmail } from '../../shared/checks';
import { optionsCollection } from '../../shared/descriptions';
import { isBlank } from '../../shared/values';
import { orderUrl } from './fields';

export const orderResendEmail: Operation = {
	toolDescription:
		"Send an order's delivery e-mail again, optionally to a new address (which also updates the order). Use it when a customer did not get or lost the e-mail.",
	option: {
		name: 'Resend Email',
		value: 'resendEmail',
		action: 'Resend order delivery email',
		description: 'Send the download email to the customer again, optionally to a new address',
	},
	oneRecord: {
		request: (item) => {
			const url = `${orderUrl(item)}/resend-email`;
			const { newEmail } = item.get('options', {}) as IDataObject;
			// Without a new address BigDD's documented call sends `{}` (n8n would drop an empty object).
			if (isBlank(newEmail)) return { method: 'POST', url, body: '{}' };
			assertEmail(item.refuse, newEmail, 'New Email');
			return { method: 'POST', url, body: { customer_email: newEmail } };
		},
		notIdempotent: true,
	},
	fields: [
		optionsCollection([
			{
				displayName: 'New Email',
				name: 'newEmail',
				type: 'string',
				placeholder: 'e.g. name@email.com',
				default: '',
				description:
					'Send to this address instead; it also replaces the customer email on the order',
			},
		]),
	],
};
