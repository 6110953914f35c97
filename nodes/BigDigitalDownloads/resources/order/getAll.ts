import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import type { Operation } from '../resource';
import { assertEmail, idList, normalizeDate, refusal } from '../../shared/checks';
import {
	filtersCollection,
	listOptionsAndSort,
	returnAllAndLimit,
	searchFilter,
} from '../../shared/descriptions';
import { isBlank } from '../../shared/values';
import { cursorListRouting } from '../../routing/cursorList';
import { recordOutputFields } from '../../routing/simplify';
import { FINANCIAL_STATUS_OPTIONS } from '../../shared/orderChoices';
import { includeOrderDetailsOption, ORDER_FIELDS } from './fields';

/** preSend: dates to UTC, product IDs to a list, email checked. */
async function normalizeOrderFilters(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const qs = { ...requestOptions.qs };
	const refuse = refusal(this.getNode(), this.getItemIndex());
	normalizeDate(refuse, this.getTimezone(), qs, 'created_after', 'Created After');
	normalizeDate(refuse, this.getTimezone(), qs, 'created_before', 'Created Before');
	if ('digital_product_id' in qs)
		qs.digital_product_id = idList(refuse, qs.digital_product_id, 'Digital Product IDs');
	if (isBlank(qs.customer_email)) delete qs.customer_email;
	else if ('customer_email' in qs) assertEmail(refuse, qs.customer_email, 'Customer Email');
	return { ...requestOptions, qs };
}

export const orderGetAll: Operation = {
	toolDescription:
		"Find orders by the customer's e-mail address, by order name (e.g. #1001), by financial status or by date. Returns each order with its customer and lines (lines[].digital_product.id). Use it first when a customer asks about a purchase.",
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many orders',
		description:
			"Find orders, e.g. a customer's orders by email, an order by name, or paid orders in a date range",
		routing: cursorListRouting('/orders', {
			preSend: [normalizeOrderFilters],
			recordFields: ORDER_FIELDS,
		}),
	},
	fields: [
		...returnAllAndLimit(),
		...recordOutputFields(ORDER_FIELDS),
		filtersCollection([
			{
				displayName: 'Created After',
				name: 'createdAfter',
				type: 'dateTime',
				default: '',
				description:
					"Only orders created at or after this time (inclusive). Without a zone it is read in the workflow's time zone.",
				routing: { send: { type: 'query', property: 'created_after' } },
			},
			{
				displayName: 'Created Before',
				name: 'createdBefore',
				type: 'dateTime',
				default: '',
				description:
					"Only orders created before this time (exclusive). Without a zone it is read in the workflow's time zone.",
				routing: { send: { type: 'query', property: 'created_before' } },
			},
			{
				displayName: 'Customer Email',
				name: 'customerEmail',
				type: 'string',
				placeholder: 'e.g. name@email.com',
				default: '',
				description: 'Only orders of the customer with exactly this email',
				routing: { send: { type: 'query', property: 'customer_email' } },
			},
			{
				displayName: 'Digital Product IDs',
				name: 'digitalProductIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 6789abcdef0123456789abcd, 6789abcdef0123456789abce',
				description:
					'Only orders containing one of these digital products. Separate IDs with commas, or pass an array.',
				routing: { send: { type: 'query', property: 'digital_product_id' } },
			},
			{
				displayName: 'Financial Status',
				name: 'financialStatus',
				type: 'multiOptions',
				options: FINANCIAL_STATUS_OPTIONS,
				default: [],
				description: 'Only orders in one of these financial statuses',
				routing: { send: { type: 'query', property: 'financial_status' } },
			},
			searchFilter('order name', 'e.g. #1001'),
		]),
		...listOptionsAndSort([includeOrderDetailsOption]),
	],
};
