import { publishPollingTrigger } from '../support/engine';
import { newOrder, useLocalBigdd, type Order } from '../support/local-bigdd';
import { waitsAsked } from '../support/virtual-sleep';

const ORDERS = '/public-api/v1/orders';
const MINUTE = 60_000;

/** The local BigDD and a polling trigger published against it, with orders placed at chosen times. */
function pollingSetup(seedOrders = 30) {
	const bigdd = useLocalBigdd({ orders: seedOrders });
	const shop = () => bigdd.shop();
	/** BigDD's newest created_at so far, in ms. */
	const newest = () => Math.max(...shop().orders.map((o) => Date.parse(o.created_at)));
	/** `count` orders created after BigDD's newest, 10 s apart (or all in one millisecond: `together`). */
	const place = (count: number, { together = false, changes = {} }: { together?: boolean; changes?: Partial<Order> } = {}) => {
		const base = newest() + 10_000;
		return Array.from({ length: count }, (_, i) => {
			const at = new Date(together ? base : base + i * 10_000).toISOString();
			return newOrder(shop(), [shop().products[0]], { created_at: at, updated_at: at, ...changes });
		});
	};
	const publish = (parameters: Record<string, unknown> = {}, extra: { pollBudgetMs?: number } = {}) => {
		const trigger = publishPollingTrigger({ parameters: { event: 'newOrder', ...parameters }, credentials: bigdd.server().credentials, ...extra });
		return trigger;
	};
	const ids = (orders: { id: unknown }[] | null) => (orders ?? []).map((o) => o.id);
	return { bigdd, shop, newest, place, publish, ids };
}

describe('Polling trigger: New Order (engine + local BigDD)', () => {
	const { bigdd, shop, newest, place, publish, ids } = pollingSetup();

	it('published, it starts after the newest order: the first poll reports nothing; each later order once, oldest first, at the 2nd and the 100th poll, one request per poll', async () => {
		const trigger = publish();
		const start = newest();
		expect(await trigger.poll()).toBeNull();
		expect(bigdd.requestLines()).toEqual([
			`GET ${ORDERS}?sort=-created_at&limit=1`,
			`GET ${ORDERS}?sort=created_at&limit=100&created_after=${encodeURIComponent(new Date(start - 10 * MINUTE).toISOString())}`,
		]);
		const reported: unknown[] = [];
		const placed: string[] = [];
		for (let poll = 2; poll <= 100; poll++) {
			// Every 10th poll: three orders in one millisecond; every 7th: none.
			const orders = poll % 7 === 0 ? [] : place(poll % 10 === 0 ? 3 : 1, { together: poll % 10 === 0 });
			placed.push(...orders.map((o) => o.id));
			bigdd.server().clear();
			const got = await trigger.poll();
			expect(ids(got)).toEqual(orders.map((o) => o.id));
			expect(bigdd.requests()).toHaveLength(1);
			reported.push(...ids(got));
		}
		expect(reported).toEqual(placed);
		expect(await trigger.poll()).toBeNull();
	});

	it('reports the order exactly as BigDD lists it', async () => {
		const trigger = publish();
		await trigger.poll();
		const [order] = place(1);
		const [reported] = (await trigger.poll())!;
		const listed = (await (await fetch(`${bigdd.server().url}${ORDERS}?created_after=${encodeURIComponent(order.created_at)}`, { headers: { Authorization: `Bearer ${bigdd.server().credentials.apiToken}` } })).json()) as { data: unknown[] };
		expect(reported).toEqual(listed.data[0]);
		expect(reported).toMatchObject({ id: order.id, name: order.name, customer: { email: order.customer.email } });
	});

	it('an order in the same millisecond as the last one reported, and one that appears in BigDD up to the Late Order Window after its time, are each reported once; later than the window, not', async () => {
		const trigger = publish({ options: { lateWindowMinutes: 5 } });
		await trigger.poll();
		const [first] = place(1);
		expect(ids(await trigger.poll())).toEqual([first.id]);
		const sameInstant = newOrder(shop(), [shop().products[0]], { created_at: first.created_at });
		const fourMinutesLate = newOrder(shop(), [shop().products[0]], { created_at: new Date(Date.parse(first.created_at) - 4 * MINUTE).toISOString() });
		const sixMinutesLate = newOrder(shop(), [shop().products[0]], { created_at: new Date(Date.parse(first.created_at) - 6 * MINUTE).toISOString() });
		expect(ids(await trigger.poll())).toEqual([fourMinutesLate.id, sameInstant.id]);
		expect(ids(await trigger.poll())).toEqual([]);
		expect(ids(await trigger.poll())).not.toContain(sixMinutesLate.id);
	});

	it('a catch-up of 250 orders is one poll: all pages with BigDD\'s cursor, oldest first, each once', async () => {
		const trigger = publish();
		await trigger.poll();
		const orders = place(250);
		bigdd.server().clear();
		expect(ids(await trigger.poll())).toEqual(orders.map((o) => o.id));
		// One query (the late-order window before the last order reported, and on), every page of it once.
		const requests = bigdd.requests();
		const after = String(requests[0].query.created_after);
		const listed = shop().orders.filter((o) => Date.parse(o.created_at) >= Date.parse(after)).length;
		expect(listed).toBeGreaterThan(250);
		expect(requests).toHaveLength(Math.ceil(listed / 100));
		expect(requests.map((r) => [r.query.sort, r.query.limit, r.query.created_after])).toEqual(requests.map(() => ['created_at', '100', after]));
		expect(new Set(requests.map((r) => r.query.cursor)).size).toBe(requests.length);
		expect(await trigger.poll()).toBeNull();
	});

	it('orders placed while n8n was stopped are reported once after the restart, from the static data n8n saved', async () => {
		const trigger = publish();
		await trigger.poll();
		const before = place(2);
		expect(ids(await trigger.poll())).toEqual(before.map((o) => o.id));
		expect(trigger.saved()).toEqual({ 'node:New order': { newOrders: { after: new Date(Date.parse(before[1].created_at) - 10 * MINUTE).toISOString(), handled: expect.objectContaining({ [before[1].id]: before[1].created_at }) } } });
		const whileStopped = place(3);
		trigger.restart();
		expect(ids(await trigger.poll())).toEqual(whileStopped.map((o) => o.id));
		trigger.restart();
		expect(await trigger.poll()).toBeNull();
	});

	it('Filters: only orders in the statuses and with the products chosen; a pending order paid within the window is reported then; changing the filters replays nothing', async () => {
		const [productA, productB] = shop().products;
		const trigger = publish({ filters: { financialStatus: ['PAID'], digitalProductIds: productA.id } });
		await trigger.poll();
		const base = newest() + 1_000;
		const at = (s: number) => new Date(base + s * 1_000).toISOString();
		const paidA = newOrder(shop(), [productA], { created_at: at(0), financial_status: 'PAID' });
		const paidB = newOrder(shop(), [productB], { created_at: at(1), financial_status: 'PAID' });
		const pendingA = newOrder(shop(), [productB, productA], { created_at: at(2), financial_status: 'PENDING' });
		const refundedA = newOrder(shop(), [productA], { created_at: at(3), financial_status: 'REFUNDED' });
		expect(ids(await trigger.poll())).toEqual([paidA.id]);
		pendingA.financial_status = 'PAID';
		expect(ids(await trigger.poll())).toEqual([pendingA.id]);
		expect(await trigger.poll()).toBeNull();
		// Orders leave the late-order window (a later order moves it on), then the merchant widens the
		// filters: the older orders that now match (paidB, refundedA) are not replayed; new ones are reported.
		const mover = newOrder(shop(), [productB], { created_at: new Date(base + 11 * MINUTE).toISOString(), financial_status: 'PENDING' });
		expect(await trigger.poll()).toBeNull();
		trigger.reconfigure({ event: 'newOrder', filters: { financialStatus: ['PAID', 'REFUNDED'] } });
		expect(await trigger.poll()).toBeNull();
		const later = newOrder(shop(), [productB], { created_at: new Date(Date.parse(mover.created_at) + 1_000).toISOString(), financial_status: 'REFUNDED' });
		expect(ids(await trigger.poll())).toEqual([later.id]);
	});
});
