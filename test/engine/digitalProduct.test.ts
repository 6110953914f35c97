import { useLocalBigdd } from '../support/local-bigdd';

describe('Digital Product resource (engine + local BigDD)', () => {
	const bigdd = useLocalBigdd({ products: 230 });
	const run = async (
		parameters: Record<string, unknown>,
		extra: { continueOnFail?: boolean; settings?: { typeVersion: number } } = {},
	) => await bigdd.run({ resource: 'digitalProduct', ...parameters }, extra);

	it('Get Many with Return All follows the cursor over 3 pages with filters on every page', async () => {
		const { items, error } = await run(
			{
				operation: 'getAll',
				returnAll: true,
				filters: { includeArchived: true, search: 'vol' },
				options: { includeShopifyProduct: true, sort: 'created_at' },
			},
			{ settings: { typeVersion: 1 } },
		); // saved with version 1: Sort inside Options
		expect(error).toBeUndefined();
		const sent = bigdd.requests();
		const expected = bigdd.shop().products.filter((p) => p.name.toLowerCase().includes('vol'));
		expect(expected.length).toBeGreaterThan(200);
		expect(sent).toHaveLength(Math.ceil(expected.length / 100));
		for (const [i, request] of sent.entries()) {
			expect(request.method).toBe('GET');
			expect(request.path).toBe('/public-api/v1/digital-products');
			expect(request.headers.authorization).toBe(`Bearer ${bigdd.server().server.token}`);
			expect(request.query).toMatchObject({
				include_archived: 'true',
				q: 'vol',
				include: 'product',
				sort: 'created_at',
				limit: '100',
			});
			expect(request.query.cursor === undefined).toBe(i === 0);
		}
		const ids = items.map((item) => item.json.id);
		expect(new Set(ids).size).toBe(expected.length);
		expect(ids).toHaveLength(expected.length);
		expect(items[0].json.product).toEqual(expect.objectContaining({ title: expect.any(String) }));
		expect(items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
	});

	it('Get Many with a Limit across a page boundary asks only for what is missing', async () => {
		const { items } = await run({ operation: 'getAll', returnAll: false, limit: 130 });
		expect(items).toHaveLength(130);
		expect(bigdd.requests().map((r) => r.query.limit)).toEqual(['100', '30']);
		expect(bigdd.requests().map((r) => r.query.include_archived)).toEqual([undefined, undefined]);
	});

	it('Get returns the one product, with the Shopify product when asked', async () => {
		const product = bigdd.shop().products[7];
		const { items } = await run({
			operation: 'get',
			productId: product.id,
			options: { includeShopifyProduct: true },
		});
		expect(bigdd.requests().map((r) => `${r.method} ${r.path}?${r.rawQuery}`)).toEqual([
			`GET /public-api/v1/digital-products/${product.id}?include=product`,
		]);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			id: product.id,
			name: product.name,
			product: product.shopify_product,
		});
		expect(items[0].json.files).toHaveLength(product.file_ids.length);
	});

	it('Update Limits sends only the limits that were set', async () => {
		const product = bigdd.shop().products[3];
		const before = product.download_in;
		const { items } = await run({
			operation: 'updateLimits',
			productId: product.id,
			limits: { maxDownloads: 12 },
		});
		const [request] = bigdd.requests();
		expect(`${request.method} ${request.path}`).toBe(
			`PUT /public-api/v1/digital-products/${product.id}/limits`,
		);
		expect(request.body).toEqual({ max_downloads: 12 });
		expect(items[0].json).toMatchObject({ id: product.id, max_downloads: 12, download_in: before });
	});

	it('Update Limits sends 0 as unlimited', async () => {
		const product = bigdd.shop().products[4];
		const { items } = await run({
			operation: 'updateLimits',
			productId: product.id,
			limits: { maxDownloads: 0, downloadIn: 0 },
		});
		expect(bigdd.requests()[0].body).toEqual({ max_downloads: 0, download_in: 0 });
		expect(items[0].json).toMatchObject({ max_downloads: null, download_in: null });
	});

	it.each([
		[{ maxDownloads: 1_000_001 }, 'Max Downloads must be a whole number from 0 to 1,000,000'],
		[
			{ downloadIn: 100_001 },
			'Download Link Expiry (Days) must be a whole number from 0 to 100,000',
		],
		[{ maxDownloads: 2.5 }, 'Max Downloads must be a whole number from 0 to 1,000,000'],
		[{ downloadIn: -1 }, 'Download Link Expiry (Days) must be a whole number from 0 to 100,000'],
		[{}, 'Add Max Downloads, Download Link Expiry (Days) or both'],
		// What a blank sheet cell gives: BigDD would read null as unlimited.
		[{ maxDownloads: '={{ "" }}' }, 'Max Downloads is empty'],
		[{ maxDownloads: '={{ null }}' }, 'Max Downloads is empty'],
		[{ downloadIn: '={{ $json.missing }}' }, 'Download Link Expiry (Days) is empty'],
		[{ maxDownloads: 5, downloadIn: '={{ "" }}' }, 'Download Link Expiry (Days) is empty'],
	])('Update Limits refuses %j before sending anything', async (limits, message) => {
		const { error } = await run({
			operation: 'updateLimits',
			productId: bigdd.shop().products[0].id,
			limits,
		});
		expect(error?.message).toBe(message);
		expect(bigdd.requests()).toHaveLength(0);
	});

	it('a search longer than 120 characters is refused before sending', async () => {
		const { error } = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { search: 'x'.repeat(121) },
		});
		expect(error?.message).toBe('Search is 121 characters long; BigDD accepts at most 120');
		expect(bigdd.requests()).toHaveLength(0);
	});

	it('a missing product gives the API message, a hint and HTTP 404', async () => {
		const { error } = await run({ operation: 'get', productId: 'nope' });
		expect(error).toMatchObject({ message: 'Digital product nope not found', httpCode: '404' });
		expect(error?.description).toContain('Check the ID');
	});

	it('Continue On Fail yields an error item and keeps going', async () => {
		const { items, error } = await run(
			{ operation: 'get', productId: 'nope' },
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ error: 'Digital product nope not found' });
	});
});
