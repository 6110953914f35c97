// The packed package inside real n8n 2.41.1: Digital Product operations against the local BigDD server.
import { nodeOutput } from '../../harness/n8n';
import { actionWorkflow } from '../../harness/workflows';
import { useN8nWithBigdd, type Bigdd } from './fixture';

const CREDENTIAL_ID = 'bigddProductCred';
const WORKFLOW_ID = 'bigddProductsWf1';

describe('Digital Product resource in real n8n', () => {
	const setup = useN8nWithBigdd({
		bigdd: { products: 260 },
		credentialId: CREDENTIAL_ID,
		// A trailing slash, as users paste it.
		baseUrl: (url) => `${url}/`,
		start: false,
		workflows: (shop) => [
			actionWorkflow({
				id: WORKFLOW_ID,
				credentialId: CREDENTIAL_ID,
				nodes: [
					{
						name: 'Return All',
						parameters: {
							resource: 'digitalProduct',
							operation: 'getAll',
							returnAll: true,
							filters: { includeArchived: true },
						},
					},
					{
						name: 'Limit 120',
						parameters: {
							resource: 'digitalProduct',
							operation: 'getAll',
							limit: 120,
							filters: { search: 'vol' },
							options: { sort: 'id' },
						},
					},
					// Node version 1.1, as the editor adds it now: Sort in its own collection.
					{
						name: 'Limit 120 (v1.1)',
						typeVersion: 1.1,
						parameters: {
							resource: 'digitalProduct',
							operation: 'getAll',
							limit: 120,
							filters: { search: 'vol' },
							sort: { sortBy: 'id' },
						},
					},
					{
						name: 'Get',
						parameters: {
							resource: 'digitalProduct',
							operation: 'get',
							productId: shop.products[5].id,
							options: { includeShopifyProduct: true },
						},
					},
					{
						name: 'Update Limits',
						parameters: {
							resource: 'digitalProduct',
							operation: 'updateLimits',
							productId: shop.products[5].id,
							limits: { maxDownloads: 25, downloadIn: 90 },
						},
					},
				],
			}),
		],
	});
	let bigdd: Bigdd;
	let run: unknown;

	beforeAll(async () => {
		bigdd = setup.bigdd();
		bigdd.clear();
		run = await setup.n8n().execute(WORKFLOW_ID);
	});

	const sent = (path: string) => bigdd.requests().filter((r: { path: string }) => r.path === path);

	it('Return All returns every product exactly once over 3 pages, filter on every page', () => {
		const { items } = nodeOutput(run, 'Return All');
		const ids = items.map((json: { id: string }) => json.id);
		expect(ids).toHaveLength(260);
		expect(new Set(ids)).toEqual(
			new Set(bigdd.server.shop.products.map((p: { id: string }) => p.id)),
		);
		const pages = sent('/public-api/v1/digital-products').filter(
			(r: { query: Record<string, string> }) => r.query.include_archived === 'true',
		);
		expect(pages).toHaveLength(3);
		expect(pages.map((r: { query: Record<string, string> }) => r.query.limit)).toEqual([
			'100',
			'100',
			'100',
		]);
		expect(pages.filter((r: { query: Record<string, string> }) => r.query.cursor)).toHaveLength(2);
		expect(
			pages.every(
				(r: { headers: Record<string, string> }) =>
					r.headers.authorization === `Bearer ${bigdd.server.token}`,
			),
		).toBe(true);
	});

	it('Limit returns exactly that many, in the chosen order, with the search on each page', () => {
		const expected = bigdd.server.shop.products
			.filter(
				(p: { name: string; is_archived: boolean }) =>
					!p.is_archived && p.name.toLowerCase().includes('vol'),
			)
			.map((p: { id: string }) => p.id)
			.sort()
			.slice(0, 120);
		// Version 1 (Sort inside Options) and 1.1 (its own Sort collection) ask and return the same.
		for (const node of ['Limit 120', 'Limit 120 (v1.1)'])
			expect(nodeOutput(run, node).items.map((json: { id: string }) => json.id)).toEqual(expected);
		const pages = sent('/public-api/v1/digital-products').filter(
			(r: { query: Record<string, string> }) => r.query.q === 'vol',
		);
		expect(
			pages.map((r: { query: Record<string, string> }) => [r.query.limit, r.query.sort]),
		).toEqual([
			['100', 'id'],
			['20', 'id'],
			['100', 'id'],
			['20', 'id'],
		]);
	});

	it('Get returns the product with its Shopify product', () => {
		const product = bigdd.server.shop.products[5];
		const { items } = nodeOutput(run, 'Get');
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({
			id: product.id,
			name: product.name,
			product: product.shopify_product,
		});
		expect(
			sent(`/public-api/v1/digital-products/${product.id}`).map(
				(r: { rawQuery: string }) => r.rawQuery,
			),
		).toEqual(['include=product']);
	});

	it('Update Limits sends both limits and returns the updated product', () => {
		const product = bigdd.server.shop.products[5];
		const { items } = nodeOutput(run, 'Update Limits');
		expect(items[0]).toMatchObject({ id: product.id, max_downloads: 25, download_in: 90 });
		const [request] = sent(`/public-api/v1/digital-products/${product.id}/limits`);
		expect(request.method).toBe('PUT');
		expect(request.body).toEqual({ max_downloads: 25, download_in: 90 });
		expect(product.max_downloads).toBe(25);
	});
});
