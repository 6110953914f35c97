import {
	isOrderCursor,
	lookBackCursor,
	takeNewOrders,
	type ListedOrder,
} from '../../../../../nodes/BigDigitalDownloads/polling/orderCursor';

const MINUTE = 60_000;
const order = (id: string, at: string, extra: Record<string, unknown> = {}): ListedOrder => ({
	id,
	created_at: at,
	...extra,
});
const all = () => true;

describe('takeNewOrders', () => {
	it('the start (baseline) reports nothing and counts every listed order handled; the window starts before the newest', () => {
		const { fresh, cursor } = takeNewOrders(
			{ handled: {} },
			[order('a', '2026-05-01T10:00:00Z'), order('b', '2026-05-01T10:05:00Z')],
			all,
			10 * MINUTE,
			true,
		);
		expect(fresh).toEqual([]);
		expect(cursor).toEqual({
			after: '2026-05-01T09:55:00.000Z',
			handled: { a: '2026-05-01T10:00:00Z', b: '2026-05-01T10:05:00Z' },
		});
	});

	it('reports each new matching order once, in the order listed; an order handled before is not reported again', () => {
		const start = { after: '2026-05-01T09:55:00.000Z', handled: { b: '2026-05-01T10:05:00Z' } };
		const listed = [
			order('b', '2026-05-01T10:05:00Z'),
			order('c', '2026-05-01T10:05:00Z'),
			order('d', '2026-05-01T10:06:00Z'),
		];
		const first = takeNewOrders(start, listed, all, 10 * MINUTE);
		expect(first.fresh.map((o) => o.id)).toEqual(['c', 'd']);
		expect(takeNewOrders(first.cursor, listed, all, 10 * MINUTE).fresh).toEqual([]);
	});

	it('forgets the orders older than the window (never asked for again) and never moves the window back', () => {
		const start = { after: '2026-05-01T10:00:00.000Z', handled: { old: '2026-05-01T10:00:00Z' } };
		const { cursor } = takeNewOrders(
			start,
			[order('late', '2026-05-01T09:00:00Z'), order('new', '2026-05-01T10:30:00Z')],
			all,
			10 * MINUTE,
		);
		expect(cursor).toEqual({
			after: '2026-05-01T10:20:00.000Z',
			handled: { new: '2026-05-01T10:30:00Z' },
		});
		expect(takeNewOrders(cursor, [], all, 10 * MINUTE).cursor.after).toBe(
			'2026-05-01T10:20:00.000Z',
		);
	});

	it('an order that does not match stays unhandled, and is reported once it matches within the window', () => {
		const paid = (o: ListedOrder) => o.financial_status === 'PAID';
		const first = takeNewOrders(
			{ handled: {} },
			[order('p', '2026-05-01T10:00:00Z', { financial_status: 'PENDING' })],
			paid,
			10 * MINUTE,
		);
		expect(first.fresh).toEqual([]);
		expect(first.cursor.handled).toEqual({});
		const second = takeNewOrders(
			first.cursor,
			[order('p', '2026-05-01T10:00:00Z', { financial_status: 'PAID' })],
			paid,
			10 * MINUTE,
		);
		expect(second.fresh.map((o) => o.id)).toEqual(['p']);
	});

	it('Look Back: every order since the time given is new; the window does not move before it', () => {
		const cursor = lookBackCursor(new Date('2026-05-01T07:00:00Z'));
		const { fresh, cursor: next } = takeNewOrders(
			cursor,
			[order('x', '2026-05-01T07:01:00Z')],
			all,
			10 * MINUTE,
		);
		expect(fresh.map((o) => o.id)).toEqual(['x']);
		expect(next.after).toBe('2026-05-01T07:00:00.000Z');
	});
});

describe('isOrderCursor', () => {
	it.each([
		[{ handled: {} }, true],
		[{ after: '2026-05-01T10:00:00.000Z', handled: { a: '2026-05-01T10:00:00Z' } }, true],
		[undefined, false],
		[null, false],
		[{}, false],
		[{ handled: null }, false],
		[{ after: 5, handled: {} }, false],
	])('%j: %s', (value, expected) => {
		expect(isOrderCursor(value)).toBe(expected);
	});
});
