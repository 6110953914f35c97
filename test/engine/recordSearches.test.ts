import { searchRecords } from '../support/engine';
import { useLocalBigdd } from '../support/local-bigdd';

describe('record pickers: From List, By ID, and IDs saved as plain text (engine + local BigDD)', () => {
	const bigdd = useLocalBigdd({ products: 60, orders: 120, files: 70, licenseKeys: 130 });
	const search = (method: string, filter?: string, token?: string) =>
		searchRecords(method, bigdd.server().credentials, filter, token);

	it.each([
		['searchDigitalProducts', '/digital-products'],
		['searchOrders', '/orders'],
		['searchFiles', '/files'],
		['searchLicenseKeys', '/license-keys'],
	])('%s pages through %s 50 at a time, every record once', async (method, path) => {
		const first = await search(method);
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toEqual(expect.any(String));
		const second = await search(method, undefined, first.paginationToken as string);
		const ids = [...first.results, ...second.results].map((r) => r.value);
		expect(new Set(ids).size).toBe(ids.length);
		expect(bigdd.requestLines()).toEqual([
			`GET /public-api/v1${path}?limit=50`,
			`GET /public-api/v1${path}?limit=50&cursor=${encodeURIComponent(first.paginationToken as string)}`,
		]);
	});

	it('a 429 while the list opens is waited out like any other request, and the same page asked again', async () => {
		bigdd.server().fault({ path: '/public-api/v1/orders', times: 1, status: 429, retryAfter: 1 });
		const { results } = await search('searchOrders');
		expect(results).toHaveLength(50);
		expect(bigdd.requests().map((r) => [r.status, r.rawQuery])).toEqual([
			[429, 'limit=50'],
			[200, 'limit=50'],
		]);
	});

	it("typing searches with BigDD's own search (q), and names say what each record is", async () => {
		const order = bigdd.shop().orders[7];
		const { results, paginationToken } = await search('searchOrders', ` ${order.name} `);
		expect(results).toContainEqual({
			name: `${order.name} — ${order.customer.email}`,
			value: order.id,
		});
		expect(paginationToken).toBeUndefined();
		expect(bigdd.requests()[0].query).toEqual({ limit: '50', q: order.name });

		const assigned = bigdd.shop().licenseKeys.find((k) => k.order_name)!;
		const keys = await search('searchLicenseKeys', assigned.key);
		expect(keys.results).toEqual([
			{ name: `${assigned.key} (assigned to ${assigned.order_name})`, value: assigned.id },
		]);
	});

	it.each([
		[
			'picked from the list',
			(id: string) => ({ __rl: true, mode: 'list', value: id, cachedResultName: '#1001' }),
		],
		['typed by ID', (id: string) => ({ __rl: true, mode: 'id', value: id })],
		['saved as plain text by 0.1.0', (id: string) => id],
	])('an order %s is fetched by its ID', async (_how, value) => {
		const order = bigdd.shop().orders[3];
		const { items, error } = await bigdd.run({
			resource: 'order',
			operation: 'get',
			orderId: value(order.id),
		});
		expect(error).toBeUndefined();
		expect(items[0].json.id).toBe(order.id);
		expect(bigdd.requestLines()).toEqual([`GET /public-api/v1/orders/${order.id}`]);
	});

	it('a picker whose expression gives nothing, or "..", sends nothing', async () => {
		for (const value of ['={{ "" }}', '..']) {
			const { error } = await bigdd.run({
				resource: 'order',
				operation: 'get',
				orderId: { __rl: true, mode: 'id', value },
			});
			expect(error?.message).toMatch(/^Order ID /);
		}
		expect(bigdd.requests()).toEqual([]);
	});
});
