import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import type { Operation } from '../../shared/operation';
import { assertEmail } from '../../shared/checks';
import { optionsCollection } from '../../shared/descriptions';
import { isBlank } from '../../shared/values';
import { oneRecordRouting } from '../../routing/oneRecord';
import { fillPathIds } from '../../routing/pathIds';
import { ORDER_ID, ORDER_URL } from './fields';

/** preSend: an optional new address must be an email. */
async function validateResendEmail(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = (requestOptions.body ?? {}) as IDataObject;
	if (isBlank(body.customer_email)) {
		// n8n drops an empty object body; BigDD's documented call sends `{}`.
		return { ...requestOptions, body: '{}' };
	}
	assertEmail(this, body.customer_email, 'New Email');
	return requestOptions;
}

export const orderResendEmail: Operation = {
	toolDescription:
		"Send an order's delivery e-mail again, optionally to a new address (which also updates the order). Use it when a customer did not get or lost the e-mail.",
	option: {
		name: 'Resend Email',
		value: 'resendEmail',
		action: 'Resend order delivery email',
		description: 'Send the download email to the customer again, optionally to a new address',
		routing: oneRecordRouting(
			{ method: 'POST', url: `${ORDER_URL}/resend-email` },
			{ preSend: [fillPathIds(ORDER_ID), validateResendEmail], notIdempotent: true },
		),
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
				routing: { send: { type: 'body', property: 'customer_email' } },
			},
		]),
	],
};
