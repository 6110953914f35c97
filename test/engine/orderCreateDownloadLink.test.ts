// Order: Create Download Link, the one step that gives a customer links to exactly what they bought:
// the requests BigDD receives, the link's files, and every refusal, which creates nothing.
import type { INodeType } from 'n8n-workflow';
import { BigDigitalDownloads } from '../../nodes/BigDigitalDownloads/BigDigitalDownloads.node';
import type { Order, Product } from '../support/local-bigdd';
import { newOrder, useLocalBigdd } from '../support/local-bigdd';

const API = '/public-api/v1';
const STATUSES = [
	'AUTHORIZED',
	'EXPIRED',
	'PAID',
	'PARTIALLY_PAID',
	'PARTIALLY_REFUNDED',
	'PENDING',
	'REFUNDED',
	'VOIDED',
];

describe('Order: Create Download Link (engine + local BigDD)', () => {
	const bigdd = useLocalBigdd({ products: 24, files: 200, orders: 30 });
	const products = () => bigdd.shop().products;
	const product = (test: (p: Product) => boolean) =>
		products().find((p) => !p.is_archived && test(p))!;
	const regular = () =>
		product((p) => p.access === 'FILE' && p.delivering_type === 'REGULAR' && p.file_ids.length > 1);
	const otherRegular = () =>
		product(
			(p) =>
				p.access !== 'LICENSE_KEY' &&
				p.delivering_type === 'REGULAR' &&
				p.file_ids.length > 0 &&
				p.id !== regular().id,
		);
	const keysOnly = () => product((p) => p.access === 'LICENSE_KEY');
	const unique = () => product((p) => p.delivering_type === 'UNIQUE' && p.access !== 'LICENSE_KEY');
	const paidOrder = (lineProducts: Product[], changes: Partial<Order> = {}) =>
		newOrder(bigdd.shop(), lineProducts, {
			financial_status: 'PAID',
			dl_access: 'enabled',
			...changes,
		});
	const run = (
		order: Order,
		fields: Record<string, unknown> = {},
		extra: Parameters<typeof bigdd.run>[1] = {},
	) =>
		bigdd.run(
			{
				resource: 'order',
				operation: 'createDownloadLink',
				orderId: { __rl: true, mode: 'id', value: order.id },
				customerEmail: order.customer.email,
				...fields,
			},
			extra,
		);
	const links = () => bigdd.requests().filter((r) => r.method === 'POST');

	it("creates one link for the order's files: the order, its product, then the link, limited to 3 by default", async () => {
		const order = paidOrder([regular()]);
		const { items, error } = await run(order);
		expect(error).toBeUndefined();
		expect(bigdd.requestLines()).toEqual([
			`GET ${API}/orders/${order.id}`,
			`GET ${API}/digital-products/${regular().id}`,
			`POST ${API}/download-links`,
		]);
		expect(links()[0].body).toEqual({
			file_ids: regular().file_ids,
			use_download_limit: true,
			download_limit: 3,
			use_stamping: false,
		});
		expect(items).toEqual([
			{
				json: {
					order_id: order.id,
					order_name: order.name,
					url: expect.stringContaining('/dl/'),
					links: [expect.objectContaining({ file_ids: regular().file_ids })],
					withheld_lines: [],
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(items[0].json.url).toBe((items[0].json.links as Array<{ url: string }>)[0].url);
	});

	it('each product read once, each file once; stamping and a limit as Download Link: Create sends them', async () => {
		const order = paidOrder([regular(), otherRegular(), regular()]);
		const { error } = await run(order, {
			downloadLimit: 0,
			useStamping: true,
			stampingText: `Licensed to ${order.customer.email}`,
		});
		expect(error).toBeUndefined();
		expect(bigdd.requestLines().filter((line) => line.includes('digital-products'))).toEqual([
			`GET ${API}/digital-products/${regular().id}`,
			`GET ${API}/digital-products/${otherRegular().id}`,
		]);
		expect(links()).toHaveLength(1);
		expect(links()[0].body).toEqual({
			file_ids: [...new Set([...regular().file_ids, ...otherRegular().file_ids])],
			use_download_limit: true,
			download_limit: 0,
			use_stamping: true,
			stamping_text: `Licensed to ${order.customer.email}`,
		});
	});

	it("UNIQUE delivery: the line's own files, never its product's (those belong to other customers)", async () => {
		const order = paidOrder([unique()]);
		const own = bigdd
			.shop()
			.files.slice(190, 192)
			.map((f) => f.id);
		order.lines[0].file_ids = own;
		unique().file_ids = bigdd
			.shop()
			.files.slice(180, 185)
			.map((f) => f.id);
		const { error } = await run(order);
		expect(error).toBeUndefined();
		expect(links().map((r) => (r.body as { file_ids: string[] }).file_ids)).toEqual([own]);
	});

	it('a line that delivers nothing now is left out and named; the rest still get their link', async () => {
		const order = paidOrder([regular(), keysOnly(), unique()]);
		const { items, error } = await run(order);
		expect(error).toBeUndefined();
		expect(links().map((r) => (r.body as { file_ids: string[] }).file_ids)).toEqual([
			regular().file_ids,
		]);
		expect(items[0].json.withheld_lines).toEqual([
			{
				line_id: order.lines[1].id,
				product: keysOnly().name,
				reason: 'license key only, no files',
			},
			{
				line_id: order.lines[2].id,
				product: unique().name,
				reason: 'UNIQUE delivery with no files assigned to this line yet',
			},
		]);
	});

	it.each([
		['license keys only', () => paidOrder([keysOnly()]), 'license key only, no files'],
		[
			'a UNIQUE line with no files yet',
			() => paidOrder([unique()]),
			'UNIQUE delivery with no files assigned to this line yet',
		],
		[
			'a scheduled release not yet due',
			() => {
				const scheduled = product(
					(p) => p.delivering_type === 'SCHEDULED' && p.access !== 'LICENSE_KEY',
				);
				scheduled.scheduled_delivery_date = new Date(Date.now() + 86_400_000).toISOString();
				return paidOrder([scheduled]);
			},
			'scheduled for ',
		],
		[
			'a download period that ended',
			() => {
				const limited = product(
					(p) =>
						p.access !== 'LICENSE_KEY' && p.delivering_type === 'REGULAR' && p.download_in === 30,
				);
				return paidOrder([limited], {
					created_at: new Date(Date.now() - 31 * 86_400_000).toISOString(),
				});
			},
			'its download period of 30 days ended on ',
		],
	])('%s: refused with why, no link created', async (_, makeOrder, reason) => {
		const order = makeOrder();
		const { error } = await run(order);
		expect(error?.message).toBe(
			`Order ${order.name} has no files to download now: no download link was created`,
		);
		expect((error as { description?: string }).description).toContain(reason);
		expect(links()).toHaveLength(0);
	});

	it('a scheduled release that is due, and a download period still running, deliver', async () => {
		const scheduled = product(
			(p) => p.delivering_type === 'SCHEDULED' && p.access !== 'LICENSE_KEY',
		);
		scheduled.scheduled_delivery_date = new Date(Date.now() - 60_000).toISOString();
		const limited = product(
			(p) => p.access !== 'LICENSE_KEY' && p.delivering_type === 'REGULAR' && p.download_in === 30,
		);
		const order = paidOrder([scheduled, limited], {
			created_at: new Date(Date.now() - 29 * 86_400_000).toISOString(),
		});
		const { error } = await run(order);
		expect(error).toBeUndefined();
		expect((links()[0].body as { file_ids: string[] }).file_ids).toEqual([
			...new Set([...scheduled.file_ids, ...limited.file_ids]),
		]);
	});

	describe('only paid orders: PAID and PARTIALLY_REFUNDED by default', () => {
		it.each(STATUSES)('%s', async (status) => {
			const order = paidOrder([regular()], { financial_status: status });
			const { error } = await run(order);
			if (status === 'PAID' || status === 'PARTIALLY_REFUNDED') {
				expect(error).toBeUndefined();
				expect(links()).toHaveLength(1);
			} else {
				expect(error?.message).toBe(
					`Order ${order.name} is not paid (financial status ${status}): no download link was created`,
				);
				expect(bigdd.requestLines()).toEqual([`GET ${API}/orders/${order.id}`]);
			}
		});

		it('Payment Statuses chosen by the merchant: AUTHORIZED delivers, PAID then does not', async () => {
			expect(
				(
					await run(paidOrder([regular()], { financial_status: 'AUTHORIZED' }), {
						paymentStatuses: ['AUTHORIZED'],
					})
				).error,
			).toBeUndefined();
			const { error } = await run(paidOrder([regular()]), { paymentStatuses: ['AUTHORIZED'] });
			expect(error?.message).toMatch(/is not paid \(financial status PAID\)/);
			expect(links()).toHaveLength(1);
		});

		it.each([[[]], [['PAID', 'SHIPPED']], ['PAID'], [null]])(
			'Payment Statuses %j from an expression: none is refused up front, a wrong one too',
			async (statuses) => {
				const { error } = await run(paidOrder([regular()]), {
					paymentStatuses: `={{ ${JSON.stringify(statuses)} }}`,
				});
				expect(error).toBeDefined();
				if (Array.isArray(statuses) && statuses.length === 0)
					expect(error?.message).toMatch(/is not paid/);
				else expect(bigdd.requests()).toHaveLength(0);
				expect(links()).toHaveLength(0);
			},
		);
	});

	it('download access switched off by the merchant: refused, no link', async () => {
		const order = paidOrder([regular()], { dl_access: 'disabled' });
		const { error } = await run(order);
		expect(error?.message).toBe(
			`Download access of order ${order.name} is disabled: no download link was created`,
		);
		expect(links()).toHaveLength(0);
	});

	describe("only the customer's own order", () => {
		it('the e-mail in another case and with spaces is the same customer', async () => {
			const order = paidOrder([regular()]);
			const { error } = await run(order, {
				customerEmail: `  ${order.customer.email.toUpperCase()} `,
			});
			expect(error).toBeUndefined();
			expect(links()).toHaveLength(1);
		});

		it("another customer's order and an order that does not exist get the same refusal, and nothing else is read", async () => {
			const order = paidOrder([regular()]);
			const stranger = bigdd.shop().customers.find((c) => c.email !== order.customer.email)!;
			const others = await run(order, { customerEmail: stranger.email });
			const missing = await run(
				{ ...order, id: '000000000000000000000000' },
				{ customerEmail: stranger.email },
			);
			for (const { error } of [others, missing])
				expect(error?.message).toBe(
					'No order with this ID belongs to this customer: no download link was created',
				);
			expect(bigdd.requestLines()).toEqual([
				`GET ${API}/orders/${order.id}`,
				`GET ${API}/orders/000000000000000000000000`,
			]);
		});

		it.each([[''], ['   '], [null], [{ email: 'a@b.co' }], [['a@b.co']], ['not-an-email']])(
			'Customer Email %j: refused before anything is sent',
			async (email) => {
				const { error } = await run(paidOrder([regular()]), {
					customerEmail: `={{ ${JSON.stringify(email)} }}`,
				});
				expect(error?.message).toMatch(/^Customer Email is not an email address, got /);
				expect(bigdd.requests()).toHaveLength(0);
			},
		);

		it("Check Customer Email off (the merchant's own use): any order, and BigDD's 404 as it is", async () => {
			const order = paidOrder([regular()]);
			expect(
				(await run(order, { checkCustomerEmail: false, customerEmail: 'someone@else.example' }))
					.error,
			).toBeUndefined();
			const { error } = await run(
				{ ...order, id: '000000000000000000000000' },
				{ checkCustomerEmail: false },
			);
			expect(error).toMatchObject({ httpCode: '404' });
		});
	});

	it.each([[''], ['../files'], [null], [['a', 'b']]])(
		'Order ID %j: refused before anything is sent',
		async (id) => {
			const order = paidOrder([regular()]);
			const { error } = await bigdd.run({
				resource: 'order',
				operation: 'createDownloadLink',
				orderId: `={{ ${JSON.stringify(id)} }}`,
				customerEmail: order.customer.email,
			});
			expect(error?.message).toMatch(/^Order ID /);
			expect(bigdd.requests()).toHaveLength(0);
		},
	);

	it('more than 100 files: one link per 100, every file in exactly one', async () => {
		const big = regular();
		const before = big.file_ids;
		big.file_ids = bigdd
			.shop()
			.files.slice(0, 150)
			.map((f) => f.id);
		try {
			const { items, error } = await run(paidOrder([big]));
			expect(error).toBeUndefined();
			expect(links().map((r) => (r.body as { file_ids: string[] }).file_ids.length)).toEqual([
				100, 50,
			]);
			expect((items[0].json.links as unknown[]).length).toBe(2);
			expect(links().flatMap((r) => (r.body as { file_ids: string[] }).file_ids)).toEqual(
				big.file_ids,
			);
		} finally {
			big.file_ids = before;
		}
	});

	it('a link that fails after another was created: the error carries the created link, which BigDD cannot list later', async () => {
		const big = regular();
		const before = big.file_ids;
		big.file_ids = bigdd
			.shop()
			.files.slice(0, 150)
			.map((f) => f.id);
		try {
			const order = paidOrder([big]);
			bigdd.server().fault({
				method: 'POST',
				path: '/public-api/v1/download-links',
				times: 1,
				status: 503,
				skip: 1,
			});
			const { error } = await run(order);
			expect(links().map((r) => r.status)).toEqual([201, 503]);
			const created = bigdd.shop().downloadLinks.at(-1)!;
			expect(error?.message).toMatch(
				new RegExp(`^Only 1 of 2 download links of order ${order.name} were created: `),
			);
			expect((error as { description?: string }).description).toContain(
				`Created, keep them: ${created.url}`,
			);
		} finally {
			big.file_ids = before;
		}
	});

	it('with Continue On Fail: each order its own item, paired; the unpaid one an error, no link for it', async () => {
		const orders = [
			paidOrder([regular()]),
			paidOrder([regular()], { financial_status: 'REFUNDED' }),
			paidOrder([otherRegular()]),
		];
		const { items, error } = await bigdd.run(
			{
				resource: 'order',
				operation: 'createDownloadLink',
				orderId: '={{ $json.order }}',
				customerEmail: '={{ $json.email }}',
			},
			{
				items: orders.map((o) => ({ json: { order: o.id, email: o.customer.email } })),
				continueOnFail: true,
			},
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items.map((i) => i.json.order_id ?? i.json.error)).toEqual([
			orders[0].id,
			`Order ${orders[1].name} is not paid (financial status REFUNDED): no download link was created`,
			orders[2].id,
		]);
		expect(links()).toHaveLength(2);
	});

	it('with On Error: Continue (using error output): the refused order leaves by the error output with its reason, paired, the others by the main output', async () => {
		const orders = [
			paidOrder([regular()]),
			paidOrder([regular()], { financial_status: 'PENDING' }),
		];
		const { run, error } = await bigdd.run(
			{
				resource: 'order',
				operation: 'createDownloadLink',
				orderId: '={{ $json.order }}',
				customerEmail: '={{ $json.email }}',
			},
			{
				items: orders.map((o) => ({ json: { order: o.id, email: o.customer.email } })),
				settings: { onError: 'continueErrorOutput' },
			},
		);
		expect(error).toBeUndefined();
		const [main, errors] = run.data.resultData.runData['Big Digital Downloads'][0].data!.main;
		expect(main!.map((i) => [i.json.order_id, i.pairedItem])).toEqual([
			[orders[0].id, { item: 0 }],
		]);
		expect(errors!.map((i) => [i.json.error, i.pairedItem])).toEqual([
			[
				`Order ${orders[1].name} is not paid (financial status PENDING): no download link was created`,
				{ item: 1 },
			],
		]);
		expect(links()).toHaveLength(1);
	});

	it('as a tool (routing only, as the MCP Server Trigger runs it): the same checks and the same link', async () => {
		const node = new BigDigitalDownloads();
		const nodeType = Object.assign(Object.create(node) as INodeType, {
			customOperations: undefined,
			description: node.description,
			methods: node.methods,
		});
		const order = paidOrder([regular()]);
		const stranger = bigdd.shop().customers.find((c) => c.email !== order.customer.email)!;
		const refused = await run(order, { customerEmail: stranger.email }, { nodeType } as Parameters<
			typeof bigdd.run
		>[1]);
		expect(refused.error?.message).toBe(
			'No order with this ID belongs to this customer: no download link was created',
		);
		const { items, error } = await run(order, {}, { nodeType } as Parameters<typeof bigdd.run>[1]);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			order_id: order.id,
			url: expect.stringContaining('/dl/'),
		});
		expect(links()).toHaveLength(1);
	});
});
