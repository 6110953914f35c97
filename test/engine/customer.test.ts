import type { Customer, OrderLine } from '../support/local-bigdd';
import { useLocalBigdd } from '../support/local-bigdd';

describe('Customer resource (engine + local BigDD)', () => {
	const bigdd = useLocalBigdd({ orders: 900 });
	const busiest = () => {
		const counts = new Map<string, number>();
		for (const o of bigdd.shop().orders)
			counts.set(o.customer.gid, (counts.get(o.customer.gid) ?? 0) + 1);
		const [gid, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
		return { gid, count, numeric: gid.split('/').pop() as string };
	};

	it('Get Downloads by GID asks for the numeric id and returns each order once with its downloads', async () => {
		const customer = busiest();
		const { items } = await bigdd.run({
			resource: 'customer',
			operation: 'getDownloads',
			customerId: customer.gid,
			returnAll: true,
		});
		expect(bigdd.requestLines()).toEqual([
			`GET /public-api/v1/customers/${customer.numeric}/downloads?limit=100`,
		]);
		expect(items).toHaveLength(customer.count);
		expect(items.every((i) => (i.json.customer as Customer).gid === customer.gid)).toBe(true);
		expect((items[0].json.lines as OrderLine[])[0]).toHaveProperty('downloads');
	});

	it('Get Downloads with a numeric id and a Limit', async () => {
		const customer = busiest();
		const { items } = await bigdd.run({
			resource: 'customer',
			operation: 'getDownloads',
			customerId: customer.numeric,
			limit: 2,
		});
		expect(bigdd.requestLines()).toEqual([
			`GET /public-api/v1/customers/${customer.numeric}/downloads?limit=2`,
		]);
		expect(items).toHaveLength(2);
	});

	it('an unknown customer is a 404 naming it', async () => {
		const { error } = await bigdd.run({
			resource: 'customer',
			operation: 'getDownloads',
			customerId: '1',
			returnAll: true,
		});
		expect(error).toMatchObject({ message: 'Customer 1 not found', httpCode: '404' });
	});

	it.each([
		[
			'an email address',
			'jane@example.com',
			'Customer ID must be a Shopify customer GID or its number, got "jane@example.com"',
		],
		[
			'another Shopify GID',
			'gid://shopify/Order/123',
			'Customer ID is not an ID, got "gid://shopify/Order/123"',
		],
		[
			'a name',
			'Jane Smith',
			'Customer ID must be a Shopify customer GID or its number, got "Jane Smith"',
		],
		['a number as a number', 987654321, null],
	])(
		'a Customer ID that is %s: refused naming the field, nothing sent (a number is fine)',
		async (_name, customerId, message) => {
			const { error } = await bigdd.run({
				resource: 'customer',
				operation: 'getDownloads',
				customerId,
				returnAll: true,
			});
			if (message === null) {
				expect(bigdd.requestLines()).toEqual([
					'GET /public-api/v1/customers/987654321/downloads?limit=100',
				]);
				return;
			}
			expect(error?.message).toBe(message);
			expect(bigdd.requests()).toEqual([]);
		},
	);
});
