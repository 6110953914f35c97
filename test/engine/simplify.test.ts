import { useLocalBigdd } from '../support/local-bigdd';

const ORDER_FIELDS = ['created_at', 'customer', 'dl_access', 'financial_status', 'fulfillment_status', 'id', 'lines', 'name'];
const PRODUCT_FIELDS = ['created_at', 'delivering_type', 'download_in', 'files', 'id', 'is_archived', 'max_downloads', 'name'];

describe('Simplify (engine + local BigDD)', () => {
	const bigdd = useLocalBigdd({ products: 130, orders: 130, files: 20, licenseKeys: 5 });

	it('Order Get Many, Return All over two pages: every order cut down to its main fields, none lost', async () => {
		const { items } = await bigdd.run({ resource: 'order', operation: 'getAll', returnAll: true, simplify: true });
		expect(items).toHaveLength(130);
		for (const item of items) expect(Object.keys(item.json).sort()).toEqual(ORDER_FIELDS);
		const full = bigdd.shop().orders.find((o) => o.id === items[0].json.id)!;
		expect(items[0].json.lines).toEqual(expect.arrayContaining([expect.objectContaining({ id: full.lines[0].id })]));
		expect(bigdd.requests()).toHaveLength(2);
	});

	it('Order Get and a customer\'s orders simplify the same way', async () => {
		const order = bigdd.shop().orders[9];
		const one = await bigdd.run({ resource: 'order', operation: 'get', orderId: order.id, simplify: true });
		expect(Object.keys(one.items[0].json).sort()).toEqual(ORDER_FIELDS);
		const customer = await bigdd.run({ resource: 'customer', operation: 'getDownloads', customerId: order.customer.gid, returnAll: true, simplify: true });
		for (const item of customer.items) expect(Object.keys(item.json).sort()).toEqual(ORDER_FIELDS);
	});

	it('Digital Product Get and Get Many keep the product fields (the Shopify product when included)', async () => {
		const product = bigdd.shop().products[0];
		const one = await bigdd.run({ resource: 'digitalProduct', operation: 'get', productId: product.id, simplify: true, options: { includeShopifyProduct: true } });
		expect(Object.keys(one.items[0].json).sort()).toEqual([...PRODUCT_FIELDS, 'product'].sort());
		const many = await bigdd.run({ resource: 'digitalProduct', operation: 'getAll', limit: 3, simplify: true });
		for (const item of many.items) expect(Object.keys(item.json).sort()).toEqual(PRODUCT_FIELDS);
	});

	it('off, as in workflows saved before it existed, the full record comes back', async () => {
		const { items } = await bigdd.run({ resource: 'order', operation: 'getAll', limit: 1 });
		expect(Object.keys(items[0].json).length).toBeGreaterThan(ORDER_FIELDS.length);
	});
});
