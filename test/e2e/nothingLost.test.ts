// The action node in a running real n8n 2.41.1 when things go wrong: a lost answer in a key import
// followed by n8n's own Retry of the failed execution, one Idempotency Key for several items, values
// from expressions that must never create, widen or wipe anything, a shop-wide rate limit, and
// failing pages in the middle of a Return All.
import type { KeyBatchBody, OrderLine, Shop } from '../support/local-bigdd';
import { actionWorkflow } from '../../harness/workflows';
import type { Bigdd, N8n, Rest } from './fixture';
import { useN8nWithBigdd } from './fixture';
interface RunExecution {
	id: string;
	status: string;
	mode: string;
	data: {
		resultData: {
			runData: Record<
				string,
				{
					data?: { main: { json: Record<string, unknown>; error?: { message: string } }[][] };
					error?: { message: string };
				}[]
			>;
		};
	};
}

const CREDENTIAL_ID = 'bigddLostCred001';
const KEYS = 11_000;
const VALIDATE_ITEMS = 50;
const ORDERS = 1_200;

describe('nothing lost, nothing doubled, in real n8n', () => {
	let bigdd: Bigdd;
	let n8n: N8n;
	let shop: Shop;
	/** The seeded keys, which the Validate workflow checks (other tests add keys to the shop). */
	let seededKeys: string[];
	let rest: Rest;
	const received = (method: string, path: string) => setup.received(method, path);
	/** An order line that delivers files: what a wrongly empty Set Line Files would wipe. */
	const lineWithFiles = () => {
		const found = shop.orders
			.flatMap((order) => order.lines.map((line: OrderLine) => ({ order, line })))
			.find(({ line }) => line.file_ids.length > 0);
		if (!found) throw new Error('seed lacks a line with files');
		return found;
	};
	const runFromEditor = async (workflowId: string) =>
		(await (
			await n8n.startByHand(workflowId, 'Start')
		)(120_000)) as RunExecution;

	const setup = useN8nWithBigdd({
		bigdd: { orders: ORDERS, products: 5, files: 30, licenseKeys: VALIDATE_ITEMS },
		credentialId: CREDENTIAL_ID,
		workflows: (seeded) => {
			shop = seeded;
			seededKeys = shop.licenseKeys.map((k) => k.key);
			const unique = lineWithFiles();
			return [
				actionWorkflow({
					id: 'bigddLostImport1',
					credentialId: CREDENTIAL_ID,
					nodes: [
						{
							name: 'Import',
							parameters: {
								resource: 'licenseKey',
								operation: 'create',
								keys: Array.from({ length: KEYS }, (_, i) => `LOST-${i}`).join('\n'),
								duplicates: 'create',
							},
						},
					],
				}),
				actionWorkflow({
					id: 'bigddLostUserKey',
					credentialId: CREDENTIAL_ID,
					nodes: [
						{
							name: 'Three items',
							type: 'n8n-nodes-base.code',
							typeVersion: 2,
							parameters: {
								jsCode:
									"return [1, 2, 3].map((n) => ({ json: { keys: ['UK' + n + '-A', 'UK' + n + '-B'] } }));",
							},
						},
						{
							name: 'Import',
							after: 'Three items',
							parameters: {
								resource: 'licenseKey',
								operation: 'create',
								keys: '={{ $json.keys }}',
								options: { idempotencyKey: 'nightly-import' },
							},
						},
					],
				}),
				actionWorkflow({
					id: 'bigddLostLimited',
					credentialId: CREDENTIAL_ID,
					nodes: [
						{
							name: 'Keys',
							type: 'n8n-nodes-base.code',
							typeVersion: 2,
							parameters: {
								jsCode: `return ${JSON.stringify(seededKeys)}.map((key) => ({ json: { key } }));`,
							},
						},
						{
							name: 'Validate',
							after: 'Keys',
							parameters: {
								resource: 'licenseKey',
								operation: 'validate',
								key: '={{ $json.key }}',
							},
						},
					],
				}),
				actionWorkflow({
					id: 'bigddLostLinks',
					credentialId: CREDENTIAL_ID,
					nodes: [
						{
							name: 'Fifty customers',
							type: 'n8n-nodes-base.code',
							typeVersion: 2,
							parameters: {
								jsCode:
									"return Array.from({ length: 50 }, (_, i) => ({ json: { stamp: i === 16 ? 's'.repeat(501) : 'Licensed to customer ' + (i + 1) } }));",
							},
						},
						{
							name: 'Links',
							after: 'Fifty customers',
							parameters: {
								resource: 'downloadLink',
								operation: 'create',
								fileIds: shop.files[0].id,
								useStamping: true,
								stampingText: '={{ $json.stamp }}',
							},
						},
					],
				}),
				actionWorkflow({
					id: 'bigddLostExport',
					credentialId: CREDENTIAL_ID,
					nodes: [
						{
							name: 'Export',
							parameters: { resource: 'order', operation: 'getAll', returnAll: true },
						},
					],
				}),
				actionWorkflow({
					id: 'bigddLostNothing',
					credentialId: CREDENTIAL_ID,
					nodes: [
						{
							name: 'Line files from nothing',
							parameters: {
								resource: 'order',
								operation: 'setLineFiles',
								orderId: unique.order.id,
								lineId: unique.line.id,
								fileIds: '={{ $json.missing }}',
							},
							settings: { onError: 'continueRegularOutput' },
						},
						{
							name: 'Fail over 12,000 keys',
							parameters: {
								resource: 'licenseKey',
								operation: 'create',
								keys: Array.from({ length: 12_000 }, (_, i) => `F-${i}`).join('\n'),
								duplicates: 'fail',
							},
							settings: { onError: 'continueRegularOutput' },
						},
						{
							name: 'Order "..", from an expression',
							parameters: { resource: 'order', operation: 'get', orderId: '={{ ".." }}' },
							settings: { onError: 'continueRegularOutput' },
						},
						{
							name: 'Limit 0 from an expression',
							parameters: {
								resource: 'order',
								operation: 'getAll',
								returnAll: false,
								limit: '={{ 0 }}',
							},
							settings: { onError: 'continueRegularOutput' },
						},
					],
				}),
			];
		},
	});

	beforeAll(() => {
		bigdd = setup.bigdd();
		n8n = setup.n8n();
		rest = setup.rest();
	});

	it("a key import whose 2nd answer was lost, then n8n's Retry of the failed execution: every key exists once", async () => {
		bigdd.clear();
		// Batch 2 is created but its answer lost, also on the node's own 3 retries: the execution fails.
		bigdd.server.addFaults([
			{
				method: 'POST',
				path: '/public-api/v1/license-keys',
				skip: 1,
				times: 4,
				status: 502,
				afterHandler: true,
			},
		]);
		const failed = await runFromEditor('bigddLostImport1');
		expect(failed.status).toBe('error');
		expect(failed.data.resultData.runData.Import[0].error?.message).toBeDefined();

		const retried = await rest('POST', `/rest/executions/${failed.id}/retry`, {
			loadWorkflow: false,
		});
		expect(retried.status).toBe(200);
		const [retry] = (await n8n.waitForExecutions('bigddLostImport1', 2, 120_000)) as RunExecution[];
		expect(retry.status).toBe('success');
		expect(retry.data.resultData.runData.Import[0].data?.main[0][0].json).toMatchObject({
			created: KEYS,
			total: KEYS,
			batches: 3,
		});

		const posts = received('POST', '/license-keys');
		expect(posts.map((r) => [r.status, (r.body as KeyBatchBody).keys.length])).toEqual([
			[201, 5000],
			...Array(4).fill([502, 5000]),
			[201, 5000],
			[201, 5000],
			[201, 1000],
		]);
		expect(new Set(posts.slice(1, 5).map((r) => r.headers['idempotency-key'])).size).toBe(1);
		expect(posts[5].headers['idempotency-key']).toBe(posts[0].headers['idempotency-key']);
		expect(posts[6].headers['idempotency-key']).toBe(posts[1].headers['idempotency-key']);
		expect(shop.licenseKeys.filter((k) => k.key.startsWith('LOST-'))).toHaveLength(KEYS);
	});

	it('one Idempotency Key for three items: each item created, none replayed from another', async () => {
		bigdd.clear();
		const run = await runFromEditor('bigddLostUserKey');
		expect(run.status).toBe('success');
		expect(received('POST', '/license-keys').map((r) => r.headers['idempotency-key'])).toEqual([
			'nightly-import-item1',
			'nightly-import-item2',
			'nightly-import-item3',
		]);
		expect(shop.licenseKeys.filter((k) => k.key.startsWith('UK'))).toHaveLength(6);
	});

	it('50 download links with item 17 invalid: the run fails before the first link is created, so no URL is lost', async () => {
		bigdd.clear();
		const run = await runFromEditor('bigddLostLinks');
		expect(run.status).toBe('error');
		expect(run.data.resultData.runData.Links[0].error?.message).toBe(
			'Stamping Text is 501 characters long; BigDD accepts at most 500',
		);
		expect(received('POST', '/download-links')).toEqual([]);
	});

	it(`${VALIDATE_ITEMS} Validate items under a shop-wide limit of 10 requests/s: ${VALIDATE_ITEMS} verdicts, in order`, async () => {
		bigdd.clear();
		bigdd.server.setRateLimit(10);
		try {
			const run = await runFromEditor('bigddLostLimited');
			expect(run.status).toBe('success');
			const verdicts = run.data.resultData.runData.Validate[0].data?.main[0].map((item) => [
				item.json.key,
				item.json.valid,
			]);
			expect(verdicts).toEqual(seededKeys.map((key) => [key, true]));
		} finally {
			bigdd.server.setRateLimit(undefined);
		}
		const validations = received('GET', '/license-keys/validate');
		expect(validations.filter((r) => r.status === 429).length).toBeGreaterThan(0);
		expect(
			validations
				.filter((r) => r.status === 200)
				.map((r) => r.query.key)
				.sort(),
		).toEqual([...seededKeys].sort());
	});

	it('a 502, a dropped connection and a 503 in the middle of a Return All: every order once, each failed page asked again', async () => {
		bigdd.clear();
		const ordersPath = '/public-api/v1/orders';
		// Requests 3, 6 and 9 fail (a rule's skip counts only the requests that reach it).
		bigdd.server.addFaults([
			{ method: 'GET', path: ordersPath, skip: 2, times: 1, status: 502 },
			{ method: 'GET', path: ordersPath, skip: 4, times: 1, reset: true },
			{ method: 'GET', path: ordersPath, skip: 6, times: 1, status: 503 },
		]);
		const run = await runFromEditor('bigddLostExport');
		expect(run.status).toBe('success');
		const ids = run.data.resultData.runData.Export[0].data?.main[0].map((item) => item.json.id);
		expect(ids).toHaveLength(ORDERS);
		expect(new Set(ids)).toEqual(new Set(shop.orders.map((o) => o.id)));
		const pages = received('GET', '/orders');
		expect(pages.map((r) => r.status)).toEqual([
			200, 200, 502, 200, 200, -1, 200, 200, 503, 200, 200, 200, 200, 200, 200,
		]);
		for (const failed of [2, 5, 8])
			expect(pages[failed + 1].query.cursor).toBe(pages[failed].query.cursor);
	});

	it('values that would wipe, widen or leave their path are refused, and nothing is sent', async () => {
		const unique = lineWithFiles().line;
		const filesBefore = [...unique.file_ids];
		bigdd.clear();
		const run = await runFromEditor('bigddLostNothing');
		// Programmatic operations put the message in `json.error`; n8n's declarative engine attaches the error.
		const errorOf = (node: string) => {
			const item = run.data.resultData.runData[node][0].data?.main[0][0];
			return item?.json.error ?? item?.error?.message;
		};
		expect(errorOf('Line files from nothing')).toBe('File IDs must list 1 to 100 files; got 0');
		expect(errorOf('Fail over 12,000 keys')).toBe(
			'Duplicates "Fail" works on at most 5,000 keys per item; this item has 12,000',
		);
		expect(errorOf('Order "..", from an expression')).toBe('Order ID is not an ID, got ".."');
		expect(errorOf('Limit 0 from an expression')).toBe('Limit must be a whole number of 1 or more');
		expect(bigdd.requests()).toEqual([]);
		expect(unique.file_ids).toEqual(filesBefore);
	});
});
