import { waitsAsked } from '../support/virtual-sleep';
import type { Customer } from '../support/local-bigdd';
import { useLocalBigdd } from '../support/local-bigdd';

describe('cursor pagination (engine + local BigDD)', () => {
	const bigdd = useLocalBigdd({ orders: 320 });
	const ordersPath = '/public-api/v1/orders';
	const getAllOrders = { resource: 'order', operation: 'getAll', returnAll: true };

	it('the credential is read once for a whole Return All, not once per page', async () => {
		const { items, credentialReads } = await bigdd.run(getAllOrders);
		expect(items).toHaveLength(bigdd.shop().orders.length);
		expect(bigdd.requests()).toHaveLength(4);
		// One read by n8n's routing for the item, one by the node for all pages.
		expect(credentialReads).toBe(2);
	});

	it('a 502 on page 3 of Return All is retried on the same cursor: every record once, not from page 1', async () => {
		bigdd.server().fault({ path: ordersPath, skip: 2, times: 1, status: 502 });
		const { items, error } = await bigdd.run({
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
		});
		expect(error).toBeUndefined();
		const ids = items.map((i) => i.json.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toHaveLength(bigdd.shop().orders.length);
		const pages = bigdd.requests();
		expect(pages.map((r) => r.status)).toEqual([200, 200, 502, 200, 200]);
		const retried = pages.findIndex((r) => r.status === 502);
		expect(pages[retried + 1].query.cursor).toBe(pages[retried].query.cursor);
	});

	it('a page that keeps failing stops after 3 retries with the server-error hint', async () => {
		bigdd.server().fault({ path: ordersPath, skip: 1, times: 4, status: 500 });
		const { error } = await bigdd.run({ resource: 'order', operation: 'getAll', returnAll: true });
		expect(error).toMatchObject({ httpCode: '500' });
		expect(bigdd.requests().map((r) => r.status)).toEqual([200, 500, 500, 500, 500]);
		expect(waitsAsked()).toEqual([500, 1000, 2000]);
	});

	it('a 429 on page 2 is waited out (Retry-After) and the same cursor asked again: nothing lost or repeated', async () => {
		bigdd.server().fault({ path: ordersPath, skip: 1, times: 1, status: 429, retryAfter: 1 });
		const { items, error } = await bigdd.run({
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
			filters: { financialStatus: ['PAID'] },
		});
		expect(error).toBeUndefined();
		const requests = bigdd.requests();
		expect(requests.map((r) => r.status)).toEqual([200, 429, 200, 200]);
		expect(waitsAsked()).toEqual([1000]);
		expect(requests[2].query.cursor).toBe(requests[1].query.cursor);
		expect(requests.every((r) => r.query.financial_status === 'PAID')).toBe(true);
		const expected = bigdd
			.shop()
			.orders.filter((o) => o.financial_status === 'PAID')
			.map((o) => o.id);
		expect(items.map((i) => i.json.id).sort()).toEqual([...expected].sort());
	});

	it('a Retry-After longer than 60 s stops with an error that says so', async () => {
		bigdd.server().fault({ path: ordersPath, times: 1, status: 429, retryAfter: 3600 });
		const { error } = await bigdd.run(getAllOrders);
		expect(error).toMatchObject({ httpCode: '429' });
		expect(error?.description).toBe(
			'BigDD asked to wait 3600 s, longer than the 60 s this node waits. Run it again later.',
		);
		expect(bigdd.requests()).toHaveLength(1);
	});

	it('a cursor that does not advance stops with an error instead of looping', async () => {
		bigdd.server().fault({
			path: ordersPath,
			skip: 1,
			times: 10,
			status: 200,
			body: { data: [{ id: 'x' }], pagination: { has_more: true, next_cursor: 'stuck' } },
		});
		const { error } = await bigdd.run(getAllOrders);
		expect(error?.message).toBe("BigDD's page cursor did not advance");
		expect(error?.description).toContain('a cursor it had sent before');
		expect(bigdd.requests()).toHaveLength(3);
	});

	it('has_more without a cursor is an error, not a silently short list', async () => {
		bigdd.server().fault({
			path: ordersPath,
			times: 1,
			status: 200,
			body: { data: [{ id: 'x' }], pagination: { has_more: true, next_cursor: null } },
		});
		const { error } = await bigdd.run(getAllOrders);
		expect(error?.description).toContain('sent no cursor');
	});

	it('a page without a data array points at the Base URL', async () => {
		bigdd.server().fault({ path: ordersPath, times: 1, status: 200, body: { hello: 'world' } });
		const { error } = await bigdd.run(getAllOrders);
		expect(error?.message).toBe('BigDD answered a list request without a data array');
	});

	it('a page cut off mid-JSON is asked again on the same cursor: every record once', async () => {
		bigdd.server().fault({
			path: ordersPath,
			skip: 1,
			times: 1,
			status: 200,
			rawBody: '{"data":[{"id":"ord_cut',
		});
		const { items, error } = await bigdd.run(getAllOrders);
		expect(error).toBeUndefined();
		const pages = bigdd.requests();
		expect(pages).toHaveLength(5);
		expect(pages[2].query.cursor).toBe(pages[1].query.cursor);
		expect(items.map((i) => i.json.id).sort()).toEqual(
			bigdd
				.shop()
				.orders.map((o) => o.id)
				.sort(),
		);
	});

	it('a page that is never JSON says so, quoting its start, instead of blaming the Base URL', async () => {
		bigdd.server().fault({
			path: ordersPath,
			skip: 1,
			times: 4,
			status: 200,
			rawBody: '{"data":[{"id":"ord_cut',
		});
		const { error } = await bigdd.run(getAllOrders);
		expect(error?.message).toBe("BigDD's answer was not JSON");
		expect(error?.description).toBe(
			'It began {"data":[{"id":"ord_cut and was asked for 4 times. An answer cut off on the way usually passes on a later run; if this repeats, check that the Base URL of the credential points at the BigDD API.',
		);
		expect(bigdd.requests()).toHaveLength(5);
	});

	it('each input item pages on its own, with its own filters, paired to its input', async () => {
		const emails = [bigdd.shop().orders[0].customer.email, bigdd.shop().orders[1].customer.email];
		const { items } = await bigdd.run(
			{
				resource: 'order',
				operation: 'getAll',
				returnAll: true,
				filters: { customerEmail: '={{ $json.email }}' },
			},
			{ items: emails.map((email) => ({ json: { email } })) },
		);
		for (const item of items) {
			const input = (item.pairedItem as { item: number }).item;
			expect((item.json.customer as Customer).email).toBe(emails[input]);
		}
		expect(new Set(items.map((i) => (i.pairedItem as { item: number }).item))).toEqual(
			new Set([0, 1]),
		);
	});
});

describe('errors a person can act on (engine + local BigDD)', () => {
	const bigdd = useLocalBigdd({ products: 5, orders: 5, files: 10, licenseKeys: 5 });

	it('401: check the token in the credential, and the token never shows', async () => {
		const { error } = await bigdd.run(
			{ resource: 'digitalProduct', operation: 'getAll', limit: 1 },
			{ credentials: { apiToken: 'bigdd_wrong_secret_token' } },
		);
		expect(error).toMatchObject({ message: 'Missing or invalid token', httpCode: '401' });
		expect(error?.description).toContain(
			'Check the API token in the Big Digital Downloads credential',
		);
		expect(JSON.stringify(error)).not.toContain('bigdd_wrong_secret_token');
	});

	it('403: shop inactive or plan below Growth', async () => {
		bigdd.server().fault({ times: 1, status: 403 });
		const { error } = await bigdd.run({
			resource: 'digitalProduct',
			operation: 'get',
			productId: bigdd.shop().products[0].id,
		});
		expect(error).toMatchObject({ httpCode: '403' });
		expect(error?.description).toContain('Growth');
	});

	it('5xx on a read says it is safe to run again', async () => {
		bigdd.server().fault({ times: 1, status: 500 });
		const { error } = await bigdd.run({
			resource: 'digitalProduct',
			operation: 'get',
			productId: bigdd.shop().products[0].id,
		});
		expect(error).toMatchObject({ httpCode: '500' });
		expect(error?.description).toContain('Safe to run again for reads');
	});
});
