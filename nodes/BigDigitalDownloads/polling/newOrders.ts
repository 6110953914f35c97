// The polling trigger's poll: BigDD's order list, oldest first from the cursor, each new order once.
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodePropertyOptions,
	type IPollFunctions,
} from 'n8n-workflow';
import { idList, refusal } from '../shared/checks';
import { FINANCIAL_STATUS_OPTIONS, orderIncludeField } from '../shared/orderChoices';
import { describeValue, ID_SEPARATORS, isBlank, toList } from '../shared/values';
import { forgetCredential } from '../transport/credential';
import { asNodeError } from '../transport/errors';
import type { RequestScope } from '../transport/types';
import { requestBigdd } from '../transport/request';
import {
	isListedOrder,
	isOrderCursor,
	lookBackCursor,
	takeNewOrders,
	type ListedOrder,
	type OrderCursor,
	type OrderMatch,
} from './orderCursor';

/** Where the cursor is kept in the node's static data. */
export const CURSOR_KEY = 'newOrders';
/** BigDD's largest page. */
const PAGE_SIZE = 100;
/** The poll budget where n8n gives none (its default poll path, and n8n 1.x): n8n-core's own default. */
const DEFAULT_POLL_BUDGET_MS = 5 * 60_000;
export const DEFAULT_LATE_WINDOW_MINUTES = 10;
export const MAX_LATE_WINDOW_MINUTES = 1_440;
export const MAX_LOOK_BACK_HOURS = 720;

const SCOPE: RequestScope = { itemIndex: 0, rules: {} };

export interface NewOrderSettings {
	financialStatuses: string[];
	productIds: string[];
	include: string[];
	lookBackHours: number;
	lateWindowMs: number;
}

/** A whole number in [min, max] from a field (an expression may give text), or a refusal naming the field. */
function wholeNumber(
	context: IPollFunctions,
	value: unknown,
	label: string,
	min: number,
	max: number,
): number {
	const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
		throw refusal(context.getNode(), 0)(
			`${label} must be a whole number from ${min} to ${max}`,
			`Got ${describeValue(value)}.`,
		);
	}
	return number;
}

/** The values of a multi-select (or an expression giving a list or comma-separated text), each one of `known`. */
function choices(
	context: IPollFunctions,
	value: unknown,
	label: string,
	known: string[],
): string[] {
	const values = isBlank(value)
		? []
		: Array.isArray(value)
			? value
			: typeof value === 'string'
				? toList(value, ID_SEPARATORS)
				: [value];
	const unknown = values.find((entry) => typeof entry !== 'string' || !known.includes(entry));
	if (unknown !== undefined) {
		throw refusal(context.getNode(), 0)(
			`${label} has ${describeValue(unknown)}, which BigDD does not know`,
			`Use ${known.join(', ')}.`,
		);
	}
	return values as string[];
}

/** The trigger's fields, checked: a bad value stops the poll with an error that names the field. */
export function newOrderSettings(context: IPollFunctions): NewOrderSettings {
	const filters = context.getNodeParameter('filters', {}) as IDataObject;
	const options = context.getNodeParameter('options', {}) as IDataObject;
	return {
		financialStatuses: choices(
			context,
			filters.financialStatus,
			'Financial Status',
			FINANCIAL_STATUS_OPTIONS.map((option) => String(option.value)),
		),
		productIds: isBlank(filters.digitalProductIds)
			? []
			: idList(refusal(context.getNode(), 0), filters.digitalProductIds, 'Digital Product IDs'),
		include: choices(
			context,
			options.include,
			'Include',
			(orderIncludeField.options as INodePropertyOptions[]).map((option) => String(option.value)),
		),
		lookBackHours: isBlank(options.lookBackHours)
			? 0
			: wholeNumber(context, options.lookBackHours, 'Look Back (Hours)', 0, MAX_LOOK_BACK_HOURS),
		lateWindowMs:
			(isBlank(options.lateWindowMinutes)
				? DEFAULT_LATE_WINDOW_MINUTES
				: wholeNumber(
						context,
						options.lateWindowMinutes,
						'Late Order Window (Minutes)',
						1,
						MAX_LATE_WINDOW_MINUTES,
					)) * 60_000,
	};
}

/** The Filters as a test on one listed order (its status and its lines' products when first listed). */
export function orderMatch({ financialStatuses, productIds }: NewOrderSettings): OrderMatch {
	return (order) => {
		if (financialStatuses.length > 0 && !financialStatuses.includes(String(order.financial_status)))
			return false;
		if (productIds.length === 0) return true;
		const lines = Array.isArray(order.lines) ? (order.lines as IDataObject[]) : [];
		return lines.some((line) =>
			productIds.includes(String((line.digital_product as IDataObject | undefined)?.id)),
		);
	};
}

interface OrderPage {
	orders: ListedOrder[];
	/** BigDD's cursor of the next page, when it has one. */
	next?: string;
}

/** One page of BigDD's order list; a page BigDD sends that the poll cannot read is an error, never skipped. */
async function orderPage(context: IPollFunctions, qs: IDataObject): Promise<OrderPage> {
	const page = (await requestBigdd.call(
		context,
		{ method: 'GET', url: '/orders', qs, arrayFormat: 'repeat' },
		SCOPE,
		{ safeToRepeat: true },
	)) as {
		data?: unknown;
		pagination?: { has_more?: unknown; next_cursor?: unknown };
	};
	const unreadable = !Array.isArray(page.data)
		? 'without a data array'
		: page.data.some((order) => !isListedOrder(order))
			? 'with an order that has no id or created_at'
			: undefined;
	if (unreadable) {
		throw new NodeOperationError(context.getNode(), `BigDD answered the order list ${unreadable}`, {
			description:
				'Check the Base URL of the credential: it should point at the BigDD API. Nothing was reported; the next poll asks again.',
		});
	}
	const next = page.pagination?.has_more === true ? page.pagination.next_cursor : undefined;
	if (
		page.pagination?.has_more === true &&
		(typeof next !== 'string' || next === '' || next === qs.cursor)
	) {
		throw new NodeOperationError(context.getNode(), "BigDD's page cursor did not advance", {
			description:
				'BigDD said more orders follow but sent no new cursor. Nothing past this page was reported; the next poll asks again.',
		});
	}
	return { orders: page.data as ListedOrder[], next: next as string | undefined };
}

/** Whether BigDD refused a request as invalid (400): a stored page cursor it no longer accepts. */
function isRefusedCursor(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '400';
}

/** Fetch Test Event: the newest order that matches the Filters, without moving the cursor. */
async function newestMatchingOrder(
	context: IPollFunctions,
	settings: NewOrderSettings,
): Promise<INodeExecutionData[][]> {
	const qs: IDataObject = { sort: '-created_at', limit: 1 };
	if (settings.financialStatuses.length) qs.financial_status = settings.financialStatuses;
	if (settings.productIds.length) qs.digital_product_id = settings.productIds;
	if (settings.include.length) qs.include = settings.include;
	const { orders } = await orderPage(context, qs);
	if (orders.length === 0) {
		throw new NodeOperationError(context.getNode(), 'No order in BigDD matches this trigger yet', {
			description:
				'Place a test order in the shop (or widen the Filters) and fetch again. Once published, the trigger reports each order created from then on.',
		});
	}
	return [[{ json: orders[0] }]];
}

/**
 * Where a trigger without a cursor starts: Look Back hours before now (n8n's clock: approximate by
 * nature), else just after BigDD's newest order, the orders around it counted as handled (baseline).
 */
async function startingCursor(
	context: IPollFunctions,
	settings: NewOrderSettings,
): Promise<{ cursor: OrderCursor; baseline: boolean }> {
	if (settings.lookBackHours > 0)
		return {
			cursor: lookBackCursor(new Date(Date.now() - settings.lookBackHours * 3_600_000)),
			baseline: false,
		};
	const { orders } = await orderPage(context, { sort: '-created_at', limit: 1 });
	if (orders.length === 0) return { cursor: { handled: {} }, baseline: true };
	const newest = Date.parse(orders[0].created_at);
	return {
		cursor: { after: new Date(newest - settings.lateWindowMs).toISOString(), handled: {} },
		baseline: true,
	};
}

function withoutResume(cursor: OrderCursor): OrderCursor {
	const next = { ...cursor };
	delete next.resume;
	return next;
}

/**
 * The poll: every order created since the cursor (and in its late-order window), all pages, within
 * n8n's poll budget; a catch-up too long for one poll, or cut short by an error after some pages,
 * goes on from BigDD's next page at the next poll. The cursor is saved with what the poll returns.
 */
export async function pollNewOrders(
	context: IPollFunctions,
): Promise<INodeExecutionData[][] | null> {
	const settings = newOrderSettings(context);
	if (context.getMode() === 'manual') return await newestMatchingOrder(context, settings);
	// The poll's context lives as long as the activation: a credential edited meanwhile is read again.
	forgetCredential(context);
	const staticData = context.getWorkflowStaticData('node');
	const stored = staticData[CURSOR_KEY];
	const { cursor, baseline } = isOrderCursor(stored)
		? { cursor: stored, baseline: false }
		: await startingCursor(context, settings);
	const budgetMs =
		typeof context.getPollBudgetMs === 'function'
			? context.getPollBudgetMs()
			: DEFAULT_POLL_BUDGET_MS;
	const started = Date.now();
	let slowestPageMs = 0;
	let pagesRead = 0;
	let queryAfter = cursor.resume ? cursor.resume.after : cursor.after;
	let pageCursor = cursor.resume?.pageCursor;
	const listed: ListedOrder[] = [];
	for (;;) {
		// The start's baseline is read whole (it is one late-order window): cut short, its rest would count as new.
		if (!baseline && pagesRead > 0 && Date.now() - started + 2 * slowestPageMs >= budgetMs) break;
		const qs: IDataObject = { sort: 'created_at', limit: PAGE_SIZE };
		if (queryAfter !== undefined) qs.created_after = queryAfter;
		if (pageCursor !== undefined) qs.cursor = pageCursor;
		if (settings.include.length) qs.include = settings.include;
		const sentAt = Date.now();
		let page: OrderPage;
		try {
			page = await orderPage(context, qs);
		} catch (error) {
			if (pagesRead === 0 && cursor.resume && pageCursor !== undefined && isRefusedCursor(error)) {
				// BigDD no longer knows the page a stopped catch-up was at: start again from the window.
				queryAfter = cursor.after;
				pageCursor = undefined;
				continue;
			}
			// Nothing read: the error is the poll's. Else keep what earlier pages gave; the next poll asks for this page again.
			if (pagesRead === 0) throw asNodeError(context.getNode(), error, 0);
			break;
		}
		slowestPageMs = Math.max(slowestPageMs, Date.now() - sentAt);
		pagesRead++;
		listed.push(...page.orders);
		if (page.next === undefined) {
			pageCursor = undefined;
			break;
		}
		pageCursor = page.next;
	}
	const { fresh, cursor: next } = takeNewOrders(
		withoutResume(cursor),
		listed,
		orderMatch(settings),
		settings.lateWindowMs,
		baseline,
	);
	staticData[CURSOR_KEY] =
		pageCursor === undefined
			? next
			: {
					...next,
					resume: { ...(queryAfter === undefined ? {} : { after: queryAfter }), pageCursor },
				};
	return fresh.length > 0 ? [fresh.map((json) => ({ json }))] : null;
}
