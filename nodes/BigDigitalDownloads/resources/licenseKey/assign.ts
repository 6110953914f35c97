import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import type { Operation } from '../../shared/operation';
import { invalid } from '../../shared/checks';
import { oneRecordRouting } from '../../routing/oneRecord';
import { fillPathIds } from '../../routing/pathIds';
import { LICENSE_KEY_ID, LICENSE_KEY_URL } from './fields';

/** preSend: the order name is required. */
async function requireOrderName(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const value = ((requestOptions.body ?? {}) as IDataObject).order_name;
	if (typeof value !== 'string' || value.trim() === '') throw invalid(this, 'Order Name is empty');
	return requestOptions;
}

export const licenseKeyAssign: Operation = {
	toolDescription:
		'Assign an available license key (by its ID) to an order (by its name, e.g. #1001), optionally e-mailing the key to the customer.',
	option: {
		name: 'Assign',
		value: 'assign',
		action: 'Assign license key to order',
		description:
			'Link an available key to an order by order name, optionally emailing the customer',
		routing: oneRecordRouting(
			{ method: 'POST', url: `${LICENSE_KEY_URL}/assign` },
			{
				preSend: [fillPathIds(LICENSE_KEY_ID), requireOrderName],
				conflictHint:
					'The key is already assigned to an order. Unassign it first, or pick a key whose status is available.',
				// A repeat could send the delivery email twice.
				notIdempotent: true,
			},
		),
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
	],
};
