import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import type { Operation } from '../resource';
import { refusal } from '../../shared/checks';
import { returnAllAndLimit } from '../../shared/descriptions';
import { describeValue } from '../../shared/values';
import { cursorListRouting } from '../../routing/cursorList';
import { pathId, type IdField } from '../../routing/pathIds';
import { recordOutputFields } from '../../routing/simplify';
import { ORDER_FIELDS } from '../order/fields';

const CUSTOMER_ID: IdField = { name: 'customerId', label: 'Customer ID' };

/** The numeric id BigDD accepts in a path, from a Shopify customer GID or the id itself. */
export function customerPathId(value: string): string {
	const text = value.trim();
	const gid = /^gid:\/\/shopify\/Customer\/(\d+)$/.exec(text);
	return gid ? gid[1] : text;
}

/**
 * preSend: puts the customer in the path as its numeric ID, since a GID's slashes would need %2F in
 * the path, which proxies often refuse. BigDD accepts both.
 */
async function resolveCustomerPath(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const value = this.getNodeParameter(CUSTOMER_ID.name, undefined);
	const customer = pathId(
		this,
		CUSTOMER_ID,
		typeof value === 'string' ? customerPathId(value) : value,
	);
	if (!/^\d+$/.test(customer)) {
		throw refusal(this.getNode(), this.getItemIndex())(
			`Customer ID must be a Shopify customer GID or its number, got ${describeValue(value)}`,
			'Nothing was sent. E.g. gid://shopify/Customer/987654321 or 987654321.',
		);
	}
	return { ...requestOptions, url: requestOptions.url.replace(`{${CUSTOMER_ID.name}}`, customer) };
}

export const customerGetDownloads: Operation = {
	toolDescription:
		"Get a customer's download history: which files they downloaded, when and how often. Needs the Shopify customer ID (a number, or gid://shopify/Customer/…).",
	option: {
		name: 'Get Downloads',
		value: 'getDownloads',
		action: 'Get customer orders and downloads',
		description:
			"Get a customer's digital orders with every recorded download, e.g. for a support agent",
		routing: cursorListRouting(`/customers/{${CUSTOMER_ID.name}}/downloads`, {
			preSend: [resolveCustomerPath],
			recordFields: ORDER_FIELDS,
		}),
	},
	fields: [
		{
			displayName: 'Customer ID',
			name: CUSTOMER_ID.name,
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. gid://shopify/Customer/987654321',
			description: 'The Shopify customer GID or its numeric ID (e.g. 987654321)',
		},
		...returnAllAndLimit(),
		...recordOutputFields(ORDER_FIELDS),
	],
};
