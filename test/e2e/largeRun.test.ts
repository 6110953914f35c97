// Runs under BigDD's rate limit in a real n8n 2.41.1, in real time: 600 items of Get order (routed)
// against the local BigDD limited to 10 requests/s, then two workflows on one credential at once (Get
// order and Validate, a custom operation). What a merchant checks: every item answered and paired, no
// error item, requests close to one per item, the run close to the floor (items / limit). The gate's size:
// the pacing rule itself is held at 2,000 items and three shapes of limit on the virtual clock
// (test/unit/.../transport/pacer.test.ts), and in real n8n at 2,000 items by `npm run bench`
// (bench/large-run.js: within 1.2x the floor). Here a run of a minute proves the same rule in real n8n;
// what every run pays once (n8n starting it, the first 429's 1 s pause) is allowed on top of 1.2x, as it
// does not grow with the run. A faster limit would measure n8n's own per-item work instead of the pace.
import type { Shop } from '../support/local-bigdd';
import { actionWorkflow } from '../../harness/workflows';
import { useN8nWithBigdd } from './fixture';
import { report } from './setup/env';

interface RunExecution {
	status: string;
	startedAt: string;
	stoppedAt: string;
	data: {
		resultData: {
			runData: Record<
				string,
				{ data?: { main: { json: Record<string, unknown>; pairedItem?: { item: number } }[][] } }[]
			>;
		};
	};
}

jest.setTimeout(900_000);

const CREDENTIAL_ID = 'bigddLargeRun001';
const LIMIT = 10;
const ITEMS = 600;
const FLOOR_SECONDS = ITEMS / LIMIT;
/** What a run pays once, whatever its size: n8n starting it, and the first 429's pause (Retry-After: 1). */
const ONCE_SECONDS = 3;
const ORDERS = 200;

/** A workflow whose Code node makes `items` items (order ids in turn, or keys), then one BigDD node. */
function largeWorkflow(id: string, items: number, shop: Shop, operation: 'order' | 'validate') {
	const values = Array.from({ length: items }, (_, i) =>
		operation === 'order'
			? shop.orders[i % shop.orders.length].id
			: shop.licenseKeys[i % shop.licenseKeys.length].key,
	);
	const parameters =
		operation === 'order'
			? {
					resource: 'order',
					operation: 'get',
					orderId: { __rl: true, mode: 'id', value: '={{ $json.value }}' },
				}
			: { resource: 'licenseKey', operation: 'validate', key: '={{ $json.value }}' };
	return actionWorkflow({
		id,
		credentialId: CREDENTIAL_ID,
		nodes: [
			{
				name: 'Items',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				parameters: {
					jsCode: `return ${JSON.stringify(values)}.map((value) => ({ json: { value } }));`,
				},
			},
			{ name: 'BigDD', after: 'Items', typeVersion: 1.1, parameters },
		],
	});
}

describe(`large runs under a shop-wide limit of ${LIMIT} requests/s, in real n8n`, () => {
	const setup = useN8nWithBigdd({
		bigdd: { orders: ORDERS, licenseKeys: 200 },
		credentialId: CREDENTIAL_ID,
		workflows: (shop) => [
			largeWorkflow('bigddLargeAlone', ITEMS, shop, 'order'),
			largeWorkflow('bigddLargeOrders', ITEMS / 2, shop, 'order'),
			largeWorkflow('bigddLargeKeys', ITEMS / 2, shop, 'validate'),
		],
	});
	beforeAll(() => {
		setup.bigdd().server.setRateLimit(LIMIT);
	});

	/** Starts a workflow from the editor; the returned wait gives its finished run. */
	const startFromEditor = async (workflowId: string) => {
		const finished = await setup.n8n().startByHand(workflowId, 'Start');
		return async () => (await finished(600_000)) as RunExecution;
	};
	/** The items the BigDD node gave, checked: none an error, each paired with its input, in order. */
	const checkedItems = (run: RunExecution, items: number, operation: 'order' | 'validate') => {
		expect(run.status).toBe('success');
		const output = run.data.resultData.runData.BigDD[0].data?.main[0] ?? [];
		expect(output).toHaveLength(items);
		expect(output.filter((item) => 'error' in item.json)).toEqual([]);
		expect(output.map((item) => item.pairedItem?.item)).toEqual(
			Array.from({ length: items }, (_, i) => i),
		);
		const shop = setup.shop();
		const expected = (i: number) =>
			operation === 'order'
				? shop.orders[i % ORDERS].id
				: shop.licenseKeys[i % shop.licenseKeys.length].key;
		expect(
			output
				.map((item, i) => (operation === 'order' ? item.json.id : item.json.key) === expected(i))
				.every(Boolean),
		).toBe(true);
	};
	const secondsOf = (run: RunExecution) =>
		(Date.parse(run.stoppedAt) - Date.parse(run.startedAt)) / 1000;
	/** When BigDD saw the first and the last request, and each 429, in seconds from the first. */
	const serverSide = () => {
		const requests = setup.bigdd().requests() as { at: string; status: number }[];
		const first = Date.parse(requests[0].at);
		const since = (r: { at: string }) => ((Date.parse(r.at) - first) / 1000).toFixed(1);
		return `server saw ${since(requests[requests.length - 1])} s from first to last request; 429s at ${requests
			.filter((r) => r.status === 429)
			.map(since)
			.join(', ')} s`;
	};

	it(`${ITEMS} Get order items: all answered, paired, at most 1.2 requests per item, within 1.2x the floor of ${FLOOR_SECONDS} s (+${ONCE_SECONDS} s once)`, async () => {
		setup.bigdd().clear();
		const run = await (await startFromEditor('bigddLargeAlone'))();
		checkedItems(run, ITEMS, 'order');
		const requests = setup.bigdd().requests().length;
		const refused = setup
			.bigdd()
			.requests()
			.filter((r: { status: number }) => r.status === 429).length;
		const seconds = secondsOf(run);
		report(
			`${ITEMS} Get order at ${LIMIT}/s: ${requests} requests (${refused} answered 429), ${(requests / ITEMS).toFixed(3)} per item, ${seconds.toFixed(1)} s = ${(seconds / FLOOR_SECONDS).toFixed(3)}x the floor; the node ran ${(run.data.resultData.runData.BigDD[0] as unknown as { executionTime: number }).executionTime / 1000} s; ${serverSide()}`,
		);
		expect(requests / ITEMS).toBeLessThanOrEqual(1.2);
		expect(seconds).toBeLessThanOrEqual(1.2 * FLOOR_SECONDS + ONCE_SECONDS);
	});

	it(`two workflows at once on one credential, ${ITEMS / 2} Get order and ${ITEMS / 2} Validate: all answered, paired, at most 1.2 requests per item, within 1.2x the floor of ${FLOOR_SECONDS} s (+${ONCE_SECONDS} s once) for both`, async () => {
		setup.bigdd().clear();
		const started = Date.now();
		const [orders, keys] = await Promise.all([
			startFromEditor('bigddLargeOrders'),
			startFromEditor('bigddLargeKeys'),
		]);
		const [ordersRun, keysRun] = await Promise.all([orders(), keys()]);
		const seconds = (Date.now() - started) / 1000;
		checkedItems(ordersRun, ITEMS / 2, 'order');
		checkedItems(keysRun, ITEMS / 2, 'validate');
		const requests = setup.bigdd().requests().length;
		const refused = setup
			.bigdd()
			.requests()
			.filter((r: { status: number }) => r.status === 429).length;
		report(
			`2 x ${ITEMS / 2} at once at ${LIMIT}/s: ${requests} requests (${refused} answered 429), ${(requests / ITEMS).toFixed(3)} per item, ${seconds.toFixed(1)} s = ${(seconds / FLOOR_SECONDS).toFixed(3)}x the floor (${secondsOf(ordersRun).toFixed(1)} s and ${secondsOf(keysRun).toFixed(1)} s); ${serverSide()}`,
		);
		expect(requests / ITEMS).toBeLessThanOrEqual(1.2);
		expect(seconds).toBeLessThanOrEqual(1.2 * FLOOR_SECONDS + ONCE_SECONDS);
	});
});
