// Where the New Order poll stands, and how the orders one poll listed move it on. Pure: the
// poll (newOrders.ts) does the requests; this decides which orders are new, each exactly once.
import type { IDataObject } from 'n8n-workflow';

/**
 * Kept in the node's static data between polls, restarts and deactivations. Times are BigDD's
 * (orders' created_at), never n8n's clock, so clocks apart by minutes lose nothing.
 */
export interface OrderCursor {
	/** The next poll asks for orders created at or after this (ISO 8601); absent: every order. */
	after?: string;
	/**
	 * Orders already handled (started a workflow, or existed when the trigger started): id to
	 * created_at. Only those at or after `after` are kept: older ones are never asked for again.
	 */
	handled: Record<string, string>;
	/** A catch-up that stopped at the poll's time budget: its query's start and BigDD's next page. */
	resume?: { after?: string; pageCursor: string };
}

/** An order as BigDD lists it: what the cursor reads of it. */
export interface ListedOrder extends IDataObject {
	id: string;
	created_at: string;
}

/** Whether an order is one the trigger reports (the Filters), read when the order is first listed. */
export type OrderMatch = (order: ListedOrder) => boolean;

/** Whether a listed record has what the cursor needs: an id and a readable created_at. */
export function isListedOrder(record: unknown): record is ListedOrder {
	const order = record as Partial<ListedOrder> | null;
	return (
		typeof order?.id === 'string' &&
		order.id !== '' &&
		typeof order.created_at === 'string' &&
		!Number.isNaN(Date.parse(order.created_at))
	);
}

/**
 * Folds the orders one poll listed (BigDD's order list sorted by created_at) into the cursor. Returns the
 * orders that are new and match, oldest first, and the cursor that counts them handled.
 *
 * `lateWindowMs`: the next query starts this long before the newest order seen, so an order that
 * appears in BigDD a little after its creation time (or in the same millisecond as the last one)
 * is still found; the ids handled in that window keep it from being reported twice. An order that
 * does not match yet stays unhandled while it is in the window: paid a minute later, it is reported.
 * `baseline`: the trigger's start, every listed order counts as handled and none is reported.
 */
export function takeNewOrders(
	cursor: OrderCursor,
	orders: ListedOrder[],
	matches: OrderMatch,
	lateWindowMs: number,
	baseline = false,
): { fresh: ListedOrder[]; cursor: OrderCursor } {
	const handled = { ...cursor.handled };
	const fresh: ListedOrder[] = [];
	let newest = cursor.after === undefined ? undefined : Date.parse(cursor.after) + lateWindowMs;
	for (const order of orders) {
		const createdAt = Date.parse(order.created_at);
		newest = newest === undefined ? createdAt : Math.max(newest, createdAt);
		if (order.id in handled) continue;
		if (baseline) handled[order.id] = order.created_at;
		else if (matches(order)) {
			handled[order.id] = order.created_at;
			fresh.push(order);
		}
	}
	if (newest === undefined) return { fresh, cursor: { ...cursor, handled } };
	const after = new Date(newest - lateWindowMs).toISOString();
	const kept = Object.fromEntries(
		Object.entries(handled).filter(([, createdAt]) => Date.parse(createdAt) >= Date.parse(after)),
	);
	return { fresh, cursor: { ...cursor, after, handled: kept } };
}

/** The first cursor when Look Back is set: every order created since `since` is new. */
export function lookBackCursor(since: Date): OrderCursor {
	return { after: since.toISOString(), handled: {} };
}

/** Whether a value read from static data is a cursor this version wrote (else the trigger starts afresh). */
export function isOrderCursor(value: unknown): value is OrderCursor {
	const cursor = value as Partial<OrderCursor> | null;
	return (
		typeof cursor === 'object' &&
		cursor !== null &&
		typeof cursor.handled === 'object' &&
		cursor.handled !== null &&
		(cursor.after === undefined || typeof cursor.after === 'string')
	);
}
