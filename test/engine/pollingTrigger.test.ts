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
	const place = (
		count: number,
		{ together = false, changes = {} }: { together?: boolean; changes?: Partial<Order> } = {},
	) => {
		const base = newest() + 10_000;
		return Array.from({ length: count }, (_, i) => {
			const at = new Date(together ? base : base + i * 10_000).toISOString();
			return newOrder(shop(), [shop().products[0]], { created_at: at, updated_at: at, ...changes });
		});
	};
	const publish = (
		parameters: Record<string, unknown> = {},
		extra: { pollBudgetMs?: number } = {},
	) => {
		const trigger = publishPollingTrigger({
			parameters: { event: 'newOrder', ...parameters },
			credentials: bigdd.server().credentials,
			...extra,
		});
		return trigger;
	};
	const ids = (orders: Record<string, unknown>[] | null) => (orders ?? []).map((o) => o.id);
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
			const orders =
				poll % 7 === 0 ? [] : place(poll % 10 === 0 ? 3 : 1, { together: poll % 10 === 0 });
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
		const listed = (await (
			await fetch(
				`${bigdd.server().url}${ORDERS}?created_after=${encodeURIComponent(order.created_at)}`,
				{ headers: { Authorization: `Bearer ${bigdd.server().credentials.apiToken}` } },
			)
		).json()) as { data: unknown[] };
		expect(reported).toEqual(listed.data[0]);
		expect(reported).toMatchObject({
			id: order.id,
			name: order.name,
			customer: { email: order.customer.email },
		});
	});

	it('an order in the same millisecond as the last one reported, and one that appears in BigDD up to the Late Order Window after its time, are each reported once; later than the window, not', async () => {
		const trigger = publish({ options: { lateWindowMinutes: 5 } });
		await trigger.poll();
		const [first] = place(1);
		expect(ids(await trigger.poll())).toEqual([first.id]);
		const sameInstant = newOrder(shop(), [shop().products[0]], { created_at: first.created_at });
		const fourMinutesLate = newOrder(shop(), [shop().products[0]], {
			created_at: new Date(Date.parse(first.created_at) - 4 * MINUTE).toISOString(),
		});
		const sixMinutesLate = newOrder(shop(), [shop().products[0]], {
			created_at: new Date(Date.parse(first.created_at) - 6 * MINUTE).toISOString(),
		});
		expect(ids(await trigger.poll())).toEqual([fourMinutesLate.id, sameInstant.id]);
		expect(ids(await trigger.poll())).toEqual([]);
		expect(ids(await trigger.poll())).not.toContain(sixMinutesLate.id);
	});

	it("a catch-up of 250 orders is one poll: all pages with BigDD's cursor, oldest first, each once", async () => {
		const trigger = publish();
		await trigger.poll();
		const orders = place(250);
		bigdd.server().clear();
		expect(ids(await trigger.poll())).toEqual(orders.map((o) => o.id));
		// One query (the late-order window before the last order reported, and on), every page of it once.
		const requests = bigdd.requests();
		const after = String(requests[0].query.created_after);
		const listed = shop().orders.filter(
			(o) => Date.parse(o.created_at) >= Date.parse(after),
		).length;
		expect(listed).toBeGreaterThan(250);
		expect(requests).toHaveLength(Math.ceil(listed / 100));
		expect(requests.map((r) => [r.query.sort, r.query.limit, r.query.created_after])).toEqual(
			requests.map(() => ['created_at', '100', after]),
		);
		expect(new Set(requests.map((r) => r.query.cursor)).size).toBe(requests.length);
		expect(await trigger.poll()).toBeNull();
	});

	it('orders placed while n8n was stopped are reported once after the restart, from the static data n8n saved', async () => {
		const trigger = publish();
		await trigger.poll();
		const before = place(2);
		expect(ids(await trigger.poll())).toEqual(before.map((o) => o.id));
		expect(trigger.saved()).toEqual({
			'node:New order': {
				newOrders: {
					after: new Date(Date.parse(before[1].created_at) - 10 * MINUTE).toISOString(),
					handled: expect.objectContaining({ [before[1].id]: before[1].created_at }),
				},
			},
		});
		const whileStopped = place(3);
		trigger.restart();
		expect(ids(await trigger.poll())).toEqual(whileStopped.map((o) => o.id));
		trigger.restart();
		expect(await trigger.poll()).toBeNull();
	});

	it('Filters: only orders in the statuses and with the products chosen; a pending order paid within the window is reported then; changing the filters replays nothing', async () => {
		const [productA, productB] = shop().products;
		const trigger = publish({
			filters: { financialStatus: ['PAID'], digitalProductIds: productA.id },
		});
		await trigger.poll();
		const base = newest() + 1_000;
		const at = (s: number) => new Date(base + s * 1_000).toISOString();
		const paidA = newOrder(shop(), [productA], { created_at: at(0), financial_status: 'PAID' });
		newOrder(shop(), [productB], { created_at: at(1), financial_status: 'PAID' });
		const pendingA = newOrder(shop(), [productB, productA], {
			created_at: at(2),
			financial_status: 'PENDING',
		});
		newOrder(shop(), [productA], { created_at: at(3), financial_status: 'REFUNDED' });
		expect(ids(await trigger.poll())).toEqual([paidA.id]);
		pendingA.financial_status = 'PAID';
		expect(ids(await trigger.poll())).toEqual([pendingA.id]);
		expect(await trigger.poll()).toBeNull();
		// Orders leave the late-order window (a later order moves it on), then the merchant widens the
		// filters: the older orders that now match (the PAID one of product B, the REFUNDED one) are not replayed; new ones are reported.
		const mover = newOrder(shop(), [productB], {
			created_at: new Date(base + 11 * MINUTE).toISOString(),
			financial_status: 'PENDING',
		});
		expect(await trigger.poll()).toBeNull();
		trigger.reconfigure({ event: 'newOrder', filters: { financialStatus: ['PAID', 'REFUNDED'] } });
		expect(await trigger.poll()).toBeNull();
		const later = newOrder(shop(), [productB], {
			created_at: new Date(Date.parse(mover.created_at) + 1_000).toISOString(),
			financial_status: 'REFUNDED',
		});
		expect(ids(await trigger.poll())).toEqual([later.id]);
	});
	it('Look Back: the first poll reports the orders of the hours asked, oldest first, once; nothing older', async () => {
		const now = Date.now();
		const at = (hoursAgo: number) => new Date(now - hoursAgo * 3_600_000).toISOString();
		const fiveHours = newOrder(shop(), [shop().products[0]], { created_at: at(5) });
		const twoHours = newOrder(shop(), [shop().products[0]], { created_at: at(2) });
		const oneHour = newOrder(shop(), [shop().products[0]], { created_at: at(1) });
		const trigger = publish({ options: { lookBackHours: 3 } });
		const first = ids(await trigger.poll());
		expect(first).toEqual(expect.arrayContaining([twoHours.id, oneHour.id]));
		expect(first.indexOf(twoHours.id)).toBeLessThan(first.indexOf(oneHour.id));
		expect(first).not.toContain(fiveHours.id);
		// Every order it reported was created in those 3 hours (by BigDD's created_at).
		const reported = shop().orders.filter((o) => first.includes(o.id));
		expect(reported.every((o) => Date.parse(o.created_at) >= now - 3 * 3_600_000)).toBe(true);
		expect(bigdd.requests()[0].query).toEqual({
			sort: 'created_at',
			limit: '100',
			created_after: at(3),
		});
		trigger.restart();
		expect(await trigger.poll()).toBeNull();
	});

	it('Fetch Test Event: the newest order the Filters match, asked of BigDD with them; the cursor is not touched; none matching is a clear error', async () => {
		const [productA, productB] = shop().products;
		const trigger = publish({
			filters: { financialStatus: ['REFUNDED'], digitalProductIds: productB.id },
			options: { include: ['product'] },
		});
		const match = newOrder(shop(), [productA, productB], {
			financial_status: 'REFUNDED',
			created_at: new Date(newest() + 1_000).toISOString(),
		});
		newOrder(shop(), [productB], {
			financial_status: 'PAID',
			created_at: new Date(newest() + 1_000).toISOString(),
		});
		const [event] = (await trigger.fetchTestEvent())!;
		expect(event).toMatchObject({ id: match.id, financial_status: 'REFUNDED' });
		expect(bigdd.requestLines()).toEqual([
			`GET ${ORDERS}?sort=-created_at&limit=1&financial_status=REFUNDED&digital_product_id=${productB.id}&include=product`,
		]);
		expect(trigger.saved()).toEqual({});
		const none = publish({ filters: { digitalProductIds: '6789abcdef0123456789ffff' } });
		await expect(none.fetchTestEvent()).rejects.toThrow(
			'No order in BigDD matches this trigger yet',
		);
	});

	it('BigDD answering 429 during a catch-up: waited out at its pace, the same page asked again, every order once', async () => {
		const trigger = publish();
		await trigger.poll();
		const orders = place(150);
		bigdd.server().clear();
		bigdd.server().fault({ path: ORDERS, skip: 1, times: 2, status: 429, retryAfter: 7 });
		expect(ids(await trigger.poll())).toEqual(orders.map((o) => o.id));
		const cursors = bigdd.requests().map((r) => r.query.cursor);
		expect(cursors[1]).toBeDefined();
		expect(cursors.slice(1, 4)).toEqual([cursors[1], cursors[1], cursors[1]]);
		expect(waitsAsked().filter((ms) => ms >= 7_000)).toHaveLength(2);
	});

	it("a 5xx that outlasts the retries on page 2: page 1's orders are reported, the next poll goes on from page 2; every order once", async () => {
		const trigger = publish();
		await trigger.poll();
		const orders = place(150);
		bigdd.server().clear();
		bigdd.server().fault({ path: ORDERS, skip: 1, times: 4, status: 503 });
		const first = ids(await trigger.poll());
		expect(first.length).toBeGreaterThan(0);
		expect(first).toEqual(orders.slice(0, first.length).map((o) => o.id));
		const failedCursor = bigdd.requests()[1].query.cursor;
		bigdd.server().clear();
		const second = ids(await trigger.poll());
		expect(bigdd.requests()[0].query.cursor).toBe(failedCursor);
		expect([...first, ...second]).toEqual(orders.map((o) => o.id));
		expect(await trigger.poll()).toBeNull();
	});

	it("a failure on the first page: the poll fails with BigDD's message, nothing moves, the next poll reports the orders", async () => {
		const trigger = publish();
		await trigger.poll();
		const savedBefore = trigger.saved();
		const orders = place(2);
		bigdd.server().fault({
			path: ORDERS,
			times: 4,
			status: 500,
			body: { error: { message: 'database unavailable' } },
		});
		await expect(trigger.poll()).rejects.toThrow('database unavailable');
		expect(trigger.saved()).toEqual(savedBefore);
		expect(ids(await trigger.poll())).toEqual(orders.map((o) => o.id));
	});

	it.each([
		['a data array missing', { hello: 'world' }, 'without a data array'],
		[
			'an order without created_at',
			{ data: [{ id: 'x' }], pagination: { has_more: false, next_cursor: null } },
			'with an order that has no id or created_at',
		],
		[
			'has_more without a cursor',
			{ data: [], pagination: { has_more: true, next_cursor: null } },
			"BigDD's page cursor did not advance",
		],
	])(
		'a page the poll cannot read (%s) is an error, never skipped: nothing moves',
		async (_, body, message) => {
			const trigger = publish();
			await trigger.poll();
			const savedBefore = trigger.saved();
			const orders = place(1);
			bigdd.server().fault({ path: ORDERS, times: 1, status: 200, body });
			await expect(trigger.poll()).rejects.toThrow(message);
			expect(trigger.saved()).toEqual(savedBefore);
			expect(ids(await trigger.poll())).toEqual(orders.map((o) => o.id));
		},
	);

	it('a stopped catch-up whose page cursor BigDD no longer accepts (400) starts again from the window: every order once', async () => {
		const trigger = publish({}, { pollBudgetMs: 0 });
		await trigger.poll();
		const orders = place(250);
		const first = ids(await trigger.poll());
		expect(first.length).toBeLessThan(250);
		bigdd.server().clear();
		bigdd.server().fault({
			path: ORDERS,
			times: 1,
			status: 400,
			body: { error: { message: 'cursor is invalid' } },
		});
		const rest: unknown[] = [];
		for (let poll = 0; poll < 10 && rest.length + first.length < 250; poll++)
			rest.push(...ids(await trigger.poll()));
		expect(bigdd.requests()[1].query.cursor).toBeUndefined();
		expect([...first, ...rest]).toEqual(orders.map((o) => o.id));
	});

	it.each([
		[
			'Financial Status',
			{ filters: { financialStatus: ['PAYED'] } },
			'Financial Status has "PAYED", which BigDD does not know',
		],
		[
			'Financial Status (an object)',
			{ filters: { financialStatus: { a: 1 } } },
			'Financial Status has an object',
		],
		[
			'Digital Product IDs (an object)',
			{ filters: { digitalProductIds: { id: 1 } } },
			'Digital Product IDs must be IDs',
		],
		['Include', { options: { include: 'everything' } }, 'Include has "everything"'],
		[
			'Look Back (negative)',
			{ options: { lookBackHours: -1 } },
			'Look Back (Hours) must be a whole number from 0 to 720',
		],
		[
			'Look Back (text)',
			{ options: { lookBackHours: 'a day' } },
			'Look Back (Hours) must be a whole number',
		],
		[
			'Look Back (an array)',
			{ options: { lookBackHours: [1] } },
			'Look Back (Hours) must be a whole number',
		],
		[
			'Late Order Window (0)',
			{ options: { lateWindowMinutes: 0 } },
			'Late Order Window (Minutes) must be a whole number from 1 to 1440',
		],
	])(
		'%s from an expression with a bad value: the poll fails naming the field, nothing is sent',
		async (_, parameters, message) => {
			const trigger = publish(parameters);
			await expect(trigger.poll()).rejects.toThrow(message);
			await expect(trigger.fetchTestEvent()).rejects.toThrow(message);
			expect(bigdd.requests()).toEqual([]);
		},
	);

	it.each([
		['empty', ''],
		['null', null],
		['an empty array', []],
	])('fields whose expression gives %s count as not set', async (_, value) => {
		const trigger = publish({
			filters: { financialStatus: value, digitalProductIds: value },
			options: { include: value, lookBackHours: value, lateWindowMinutes: value },
		});
		expect(await trigger.poll()).toBeNull();
		const orders = place(1);
		expect(ids(await trigger.poll())).toEqual(orders.map((o) => o.id));
		expect(bigdd.requests()[1].query.created_after).toBe(
			new Date(newest() - 10_000 - 10 * MINUTE).toISOString(),
		);
	});

	it('a credential edited while the workflow is published is used from the next poll', async () => {
		const trigger = publish();
		await trigger.poll();
		trigger.credentialsHelper.data = { ...trigger.credentialsHelper.data, apiToken: 'revoked' };
		await expect(trigger.poll()).rejects.toThrow();
		expect(bigdd.requests().at(-1)!.headers.authorization).toBe('Bearer revoked');
	});
});

describe('Polling trigger: a 10,000-order catch-up, all in one millisecond (engine + local BigDD)', () => {
	const { bigdd, place, publish, ids } = pollingSetup(5);

	it("with a poll budget that allows one page, each poll goes on from BigDD's next page: every order once, in order; two published copies each get every order once", async () => {
		const trigger = publish({}, { pollBudgetMs: 0 });
		const copy = publish();
		await Promise.all([trigger.poll(), copy.poll()]);
		const orders = place(10_000, { together: true });
		bigdd.server().clear();
		const [reportedByCopy, firstPage] = await Promise.all([copy.poll(), trigger.poll()]);
		expect(ids(reportedByCopy)).toEqual(orders.map((o) => o.id));
		const reported = ids(firstPage);
		expect(reported.length).toBeGreaterThan(90);
		let polls = 1;
		for (; polls < 150 && reported.length < orders.length; polls++)
			reported.push(...ids(await trigger.poll()));
		// One page per poll (the first page also holds the orders handled at the start, in the window).
		expect(polls).toBeGreaterThanOrEqual(100);
		expect(polls).toBeLessThanOrEqual(101);
		expect(reported).toEqual(orders.map((o) => o.id));
		expect(await trigger.poll()).toBeNull();
		expect(await copy.poll()).toBeNull();
	}, 30_000);
});

describe.each([
	['BigDD 7 minutes ahead', 7],
	['BigDD 30 minutes behind', -30],
])(
	"Polling trigger: n8n's clock and BigDD's apart, %s (engine + local BigDD)",
	(_, minutesApart) => {
		const { shop, publish, ids } = pollingSetup(5);

		it("every order after the start is reported once: the cursor uses only BigDD's times", async () => {
			let placed = 0;
			const bigddNow = () =>
				new Date(Date.now() + minutesApart * MINUTE + ++placed * 1_000).toISOString();
			newOrder(shop(), [shop().products[0]], { created_at: bigddNow() });
			const trigger = publish();
			expect(await trigger.poll()).toBeNull();
			const orders = [1, 2, 3].map(() =>
				newOrder(shop(), [shop().products[0]], { created_at: bigddNow() }),
			);
			expect(ids(await trigger.poll())).toEqual(orders.map((o) => o.id));
			expect(await trigger.poll()).toBeNull();
		});
	},
);
