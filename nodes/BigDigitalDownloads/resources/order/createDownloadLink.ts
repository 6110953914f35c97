import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import type { Operation } from '../resource';
import { refusal, type Refuse } from '../../shared/checks';
import { downloadLinkOptionFields, downloadLinkOptions } from '../../shared/downloadLinkOptions';
import { forEachItem } from '../../shared/itemLoop';
import { LIMITS } from '../../shared/limits';
import { describeValue, EMAIL_PATTERN } from '../../shared/values';
import { asNodeError } from '../../transport/errors';
import type { RequestRules, RequestScope } from '../../transport/types';
import { requestBigdd } from '../../transport/request';
import { idOrRefuse } from '../../routing/pathIds';
import { FINANCIAL_STATUS_OPTIONS } from '../../shared/orderChoices';
import { ORDER_ID } from './fields';
import {
	distinctFileIds,
	isOrderOf,
	lineDelivery,
	orderRefusal,
	PAID_STATUSES,
} from './orderDownloads';

/** A repeat would create a second link. */
const CREATE_LINK_RULES: RequestRules = { notIdempotent: true };

interface Plan {
	orderId: string;
	/** The e-mail the order must belong to; undefined when Check Customer Email is off. */
	customerEmail?: string;
	paidStatuses: string[];
	linkOptions: IDataObject;
}

/** The same answer for an order that does not exist and one of another customer: neither is revealed. */
function notTheCustomersOrder(refuse: Refuse): Error {
	return refuse(
		'No order with this ID belongs to this customer: no download link was created',
		'Check the order ID, or the e-mail address the customer bought with.',
	);
}

/** Reads and checks one item's fields; nothing is sent. */
function planItem(context: IExecuteFunctions, itemIndex: number): Plan {
	const refuse = refusal(context.getNode(), itemIndex, 'Nothing was sent.');
	const orderId = idOrRefuse(
		refuse,
		ORDER_ID,
		context.getNodeParameter(ORDER_ID.name, itemIndex, '', { extractValue: true }),
	);
	let customerEmail: string | undefined;
	if (context.getNodeParameter('checkCustomerEmail', itemIndex, true) !== false) {
		const email = context.getNodeParameter('customerEmail', itemIndex, '') as unknown;
		if (typeof email !== 'string' || !EMAIL_PATTERN.test(email.trim())) {
			throw refuse(
				`Customer Email is not an email address, got ${describeValue(email)}`,
				'Nothing was sent. With Check Customer Email on, a link is created only for an order of this customer: give the e-mail from a source you trust (a signed-in customer, your helpdesk), never from the customer or a model.',
			);
		}
		customerEmail = email.trim();
	}
	const statuses = context.getNodeParameter('paymentStatuses', itemIndex, PAID_STATUSES) as unknown;
	const known = FINANCIAL_STATUS_OPTIONS.map((option) => option.value);
	if (!Array.isArray(statuses) || statuses.some((status) => !known.includes(status as string))) {
		throw refuse(
			`Payment Statuses must be a list of ${known.join(', ')}; got ${describeValue(statuses)}`,
		);
	}
	return {
		orderId,
		customerEmail,
		paidStatuses: statuses as string[],
		linkOptions: downloadLinkOptions(context, itemIndex, refuse),
	};
}

const dataOf = (response: IDataObject) => (response.data ?? response) as IDataObject;
const productIdOf = (line: IDataObject) =>
	String((line.digital_product as IDataObject | undefined)?.id ?? '');

/**
 * One order's download links: the order is read and checked (its customer, paid, download access on),
 * then each line's product (license keys only, a release not yet due, a download period that ended),
 * and only then are links created for the files it delivers, 100 files per link.
 */
async function linksForOrder(
	context: IExecuteFunctions,
	plan: Plan,
	itemIndex: number,
): Promise<IDataObject> {
	const refuse = refusal(context.getNode(), itemIndex, 'Nothing was created.');
	const read: RequestScope = { itemIndex, rules: {} };
	const get = async (url: string) =>
		dataOf(
			await requestBigdd.call(context, { method: 'GET', url, json: true }, read, {
				safeToRepeat: true,
			}),
		);
	let order: IDataObject;
	try {
		order = await get(`/orders/${encodeURIComponent(plan.orderId)}`);
	} catch (error) {
		if (
			plan.customerEmail !== undefined &&
			error instanceof NodeApiError &&
			error.httpCode === '404'
		)
			throw notTheCustomersOrder(refuse);
		throw asNodeError(context.getNode(), error, itemIndex);
	}
	if (plan.customerEmail !== undefined && !isOrderOf(order, plan.customerEmail))
		throw notTheCustomersOrder(refuse);
	const refused = orderRefusal(order, plan.paidStatuses);
	if (refused) throw refuse(refused.message, refused.description);

	const lines = Array.isArray(order.lines) ? (order.lines as IDataObject[]) : [];
	const products = new Map<string, IDataObject>();
	for (const line of lines) {
		const productId = productIdOf(line);
		if (productId !== '' && !products.has(productId))
			products.set(productId, await get(`/digital-products/${encodeURIComponent(productId)}`));
	}
	const now = Date.now();
	const deliveries = lines.map((line) =>
		lineDelivery(order, line, products.get(productIdOf(line)) ?? {}, now),
	);
	const fileIds = distinctFileIds(deliveries);
	const withheld = deliveries
		.filter((delivery) => delivery.withheld !== undefined)
		.map(({ line_id, product, withheld: reason }) => ({ line_id, product, reason }));
	if (fileIds.length === 0) {
		throw refuse(
			`Order ${String(order.name ?? order.id)} has no files to download now: no download link was created`,
			withheld.map(({ product, reason }) => `${product}: ${reason}`).join('; ') ||
				'The order has no lines.',
		);
	}
	const links: IDataObject[] = [];
	for (let start = 0; start < fileIds.length; start += LIMITS.fileIdsPerRequest) {
		const body = {
			file_ids: fileIds.slice(start, start + LIMITS.fileIdsPerRequest),
			...plan.linkOptions,
		};
		try {
			links.push(
				dataOf(
					await requestBigdd.call(
						context,
						{ method: 'POST', url: '/download-links', body, json: true },
						{ itemIndex, rules: CREATE_LINK_RULES },
					),
				),
			);
		} catch (error) {
			if (links.length === 0) throw asNodeError(context.getNode(), error, itemIndex);
			// BigDD cannot list links: the ones already created would be lost with the error, so it carries them.
			const cause = asNodeError(context.getNode(), error, itemIndex);
			throw refusal(context.getNode(), itemIndex)(
				`Only ${links.length} of ${Math.ceil(fileIds.length / LIMITS.fileIdsPerRequest)} download links of order ${String(order.name ?? order.id)} were created: ${cause.message}`,
				`Created, keep them: ${links.map((link) => String(link.url)).join(' ')}. ${cause.description ?? ''}`.trim(),
			);
		}
	}
	return {
		order_id: order.id,
		order_name: order.name,
		url: links[0].url,
		links,
		withheld_lines: withheld,
	};
}

/** One item per input item: that order's links, or (Continue On Fail) why it may not download. */
async function createOrderDownloadLinks(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await forEachItem(
		this,
		(itemIndex) => planItem(this, itemIndex),
		async (plan, itemIndex) => await linksForOrder(this, plan, itemIndex),
	);
}

/**
 * A custom operation: one order takes several requests (the order, its products, the links), and a
 * link is created only once every check has passed.
 */
export const orderCreateDownloadLink: Operation = {
	toolDescription:
		"Create a download link for one of the customer's own orders (its BigDD order ID, from the order list). Returns the link URL to give the customer. Refuses, creating nothing, an order that is not this customer's, not paid, has downloads switched off or no files to download now; the refusal says why. Each call creates a new link.",
	option: {
		name: 'Create Download Link',
		value: 'createDownloadLink',
		action: 'Create download link for order',
		description:
			"A download link for exactly the files an order delivers, only if it is paid, its downloads are on and it is the customer's",
	},
	execute: createOrderDownloadLinks,
	fields: [
		{
			displayName: 'Check Customer Email',
			name: 'checkCustomerEmail',
			type: 'boolean',
			default: true,
			description:
				'Whether the order must belong to the customer e-mail below. Keep it on whenever the order ID comes from a customer, a form or an AI model.',
		},
		{
			displayName: 'Customer Email',
			name: 'customerEmail',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. name@email.com',
			description:
				'The e-mail address the order must belong to (case and spaces ignored), from a source you trust: your signed-in customer or helpdesk, never what a customer typed',
			displayOptions: { show: { checkCustomerEmail: [true] } },
		},
		...downloadLinkOptionFields.map((field) =>
			field.name === 'useDownloadLimit' ? { ...field, default: true } : field,
		),
		{
			displayName: 'Payment Statuses',
			name: 'paymentStatuses',
			type: 'multiOptions',
			options: FINANCIAL_STATUS_OPTIONS,
			default: [...PAID_STATUSES],
			description:
				'The financial statuses of orders that may download: by default paid, including partly refunded',
		},
	],
};
