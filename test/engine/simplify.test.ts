import type { INodeType } from 'n8n-workflow';
import { BigDigitalDownloads } from '../../nodes/BigDigitalDownloads/BigDigitalDownloads.node';
import { useLocalBigdd } from '../support/local-bigdd';

const ORDER_FIELDS = [
	'created_at',
	'customer',
	'dl_access',
	'financial_status',
	'fulfillment_status',
	'id',
	'lines',
	'name',
];
const PRODUCT_FIELDS = [
	'created_at',
	'delivering_type',
	'download_in',
	'files',
	'id',
	'is_archived',
	'max_downloads',
	'name',
];

describe('Simplify (engine + local BigDD)', () => {
	const bigdd = useLocalBigdd({ products: 130, orders: 130, files: 20, licenseKeys: 5 });

	it('Order Get Many, Return All over two pages: every order cut down to its main fields, none lost', async () => {
		const { items, error } = await bigdd.run({
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
			simplify: true,
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(130);
		for (const item of items) expect(Object.keys(item.json).sort()).toEqual(ORDER_FIELDS);
		const full = bigdd.shop().orders.find((o) => o.id === items[0].json.id)!;
		expect(items[0].json.lines).toEqual(
			expect.arrayContaining([expect.objectContaining({ id: full.lines[0].id })]),
		);
		expect(bigdd.requests()).toHaveLength(2);
	});

	it("Order Get and a customer's orders simplify the same way", async () => {
		const order = bigdd.shop().orders[9];
		const one = await bigdd.run({
			resource: 'order',
			operation: 'get',
			orderId: order.id,
			simplify: true,
		});
		expect(Object.keys(one.items[0].json).sort()).toEqual(ORDER_FIELDS);
		const customer = await bigdd.run({
			resource: 'customer',
			operation: 'getDownloads',
			customerId: order.customer.gid,
			returnAll: true,
			simplify: true,
		});
		for (const item of customer.items) expect(Object.keys(item.json).sort()).toEqual(ORDER_FIELDS);
	});

	it('Digital Product Get and Get Many keep the product fields (the Shopify product when included)', async () => {
		const product = bigdd.shop().products[0];
		const one = await bigdd.run({
			resource: 'digitalProduct',
			operation: 'get',
			productId: product.id,
			simplify: true,
			options: { includeShopifyProduct: true },
		});
		expect(Object.keys(one.items[0].json).sort()).toEqual([...PRODUCT_FIELDS, 'product'].sort());
		const many = await bigdd.run({
			resource: 'digitalProduct',
			operation: 'getAll',
			limit: 3,
			simplify: true,
		});
		for (const item of many.items) expect(Object.keys(item.json).sort()).toEqual(PRODUCT_FIELDS);
	});

	it('off, as in workflows saved before it existed, the full record comes back', async () => {
		const { items } = await bigdd.run({ resource: 'order', operation: 'getAll', limit: 1 });
		expect(Object.keys(items[0].json).length).toBeGreaterThan(ORDER_FIELDS.length);
	});
});

describe("the tool's Output: Simplified, Raw, Selected Fields (engine + local BigDD)", () => {
	const bigdd = useLocalBigdd({ products: 20, orders: 130, files: 20, licenseKeys: 5 });
	/** The node as n8n's tool variant: its type name ends in Tool, which shows Output and hides Simplify. */
	const asTool = () => {
		const node = new BigDigitalDownloads();
		return Object.assign(Object.create(node) as INodeType, {
			description: { ...node.description, name: 'bigDigitalDownloadsTool' },
			methods: node.methods,
			customOperations: node.customOperations,
		});
	};
	const runTool = (parameters: Record<string, unknown>) =>
		bigdd.run(parameters, { nodeType: asTool() } as Parameters<typeof bigdd.run>[1]);

	it('Selected Fields: the fields chosen and the ID, on every record of every page', async () => {
		const { items, error } = await runTool({
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
			output: 'selected',
			outputFields: ['financial_status', 'name'],
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(130);
		for (const item of items)
			expect(Object.keys(item.json).sort()).toEqual(['financial_status', 'id', 'name']);
		expect(bigdd.requests()).toHaveLength(2);
	});

	it.each([
		['Simplified', { output: 'simplified' }, ORDER_FIELDS],
		[
			'Selected Fields with none chosen: the ID only',
			{ output: 'selected', outputFields: [] },
			['id'],
		],
		[
			'Selected Fields from an expression that gives no list: the ID only',
			{ output: 'selected', outputFields: '={{ "lines" }}' },
			['id'],
		],
	])('%s', async (_, output, keys) => {
		const order = bigdd.shop().orders[3];
		const { items, error } = await runTool({
			resource: 'order',
			operation: 'get',
			orderId: order.id,
			...output,
		});
		expect(error).toBeUndefined();
		expect(Object.keys(items[0].json).sort()).toEqual(keys);
		expect(items[0].json.id).toBe(order.id);
	});

	it('Raw, the default, whatever a Simplify left on the node: the full record', async () => {
		const product = bigdd.shop().products[0];
		const { items } = await runTool({
			resource: 'digitalProduct',
			operation: 'get',
			productId: product.id,
			simplify: true,
		});
		expect(Object.keys(items[0].json).length).toBeGreaterThan(PRODUCT_FIELDS.length);
	});

	it("a customer's orders and digital products take it too", async () => {
		const order = bigdd.shop().orders[5];
		const orders = await runTool({
			resource: 'customer',
			operation: 'getDownloads',
			customerId: order.customer.gid,
			returnAll: true,
			output: 'selected',
			outputFields: ['lines'],
		});
		for (const item of orders.items) expect(Object.keys(item.json).sort()).toEqual(['id', 'lines']);
		const products = await runTool({
			resource: 'digitalProduct',
			operation: 'getAll',
			limit: 2,
			output: 'selected',
			outputFields: ['files'],
		});
		for (const item of products.items)
			expect(Object.keys(item.json).sort()).toEqual(['files', 'id']);
	});

	it('on the node itself an Output left in its parameters is not shown and changes nothing', async () => {
		const { items } = await bigdd.run({
			resource: 'order',
			operation: 'getAll',
			limit: 1,
			output: 'selected',
			outputFields: ['name'],
		});
		expect(Object.keys(items[0].json).length).toBeGreaterThan(ORDER_FIELDS.length);
	});
});
