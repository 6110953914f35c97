// n8n 2.x in queue mode (PostgreSQL + Redis, main + 2 workers + 2 webhook processors), as users scale it out:
// the packed package's operations run on a worker, a binary received by the webhook processor is
// uploaded by the worker, and the trigger keeps its delivery guarantees.
import { createHash } from 'crypto';
import { sleep } from 'n8n-workflow';
import type { LoggedRequest, Shop } from '../support/local-bigdd';
import { startBigdd } from '../../harness/bigdd';
import { e2eTarball, report } from './setup/env';
import { createQueueCluster } from '../../harness/queue';
import {
	actionWorkflow,
	bigddCredential,
	CREDENTIAL_TYPE,
	pollingWorkflow,
	POLLING_TRIGGER_NAME,
	triggerWorkflow,
	TRIGGER_NAME,
} from '../../harness/workflows';
import { poll } from '../../harness/processes';
import { newOrder } from '../support/local-bigdd';
import {
	BURST,
	deliveryHelpers,
	deliveryWorkflows,
	describeExactlyOnce,
	SEQUENCE,
	SIGNING_SECRET,
} from './scenarios/triggerDelivery';
import { buildEvent, deliverWebhook, EVENT_TYPES } from '../../dev-server/webhooks';

const CREDENTIAL_ID = 'bigddQueueCred01';
const KEYS = 5_001;
const UPLOAD_BYTES = 2_000_000;
const UPLOAD = { id: 'bigddQueueUpload', path: 'queue-upload' };
const SPREAD = { id: 'bigddQueueSpread', webhookId: 'bigdd-spread' };
/** Each run waits this long before Done: BigDD's retry can reach the other processor meanwhile. */
const SLOW = { id: 'bigddQueueSlow', webhookId: 'bigdd-slow', waitSeconds: 8 };
const POLLING = 'bigddQueuePollin';

interface RunExecution {
	id: string;
	mode: string;
	status: string;
	data: {
		resultData: {
			runData: Record<string, { data: { main: { json: Record<string, unknown> }[][] } }[]>;
		};
	};
}

describe('queue mode (n8n 2.x: PostgreSQL, Redis, main, worker, webhook processor)', () => {
	let bigdd: Awaited<ReturnType<typeof startBigdd>>;
	let cluster: Awaited<ReturnType<typeof createQueueCluster>>;
	let shop: Shop;

	const startAndWait = async () => {
		await cluster.start();
		for (const processor of [0, 1]) {
			for (const webhookPath of [
				`${SEQUENCE.webhookId}/bigdd`,
				`${BURST.webhookId}/bigdd`,
				`${SPREAD.webhookId}/bigdd`,
				`${SLOW.webhookId}/bigdd`,
				UPLOAD.path,
			]) {
				await cluster.main.waitForWebhook(webhookPath, 60_000, cluster.webhookBaseUrl(processor));
			}
		}
	};
	const target = () => ({
		webhookUrl: (webhookId: string) => `${cluster.webhookBaseUrl()}/webhook/${webhookId}/bigdd`,
		waitForExecutions: cluster.main.waitForExecutions,
		shop: bigdd.server.shop,
		severalWorkers: true,
		restart: async () => {
			await cluster.stop();
			await startAndWait();
		},
	});
	const received = (method: string, path: string) =>
		(bigdd.requests() as LoggedRequest[]).filter(
			(r) => r.method === method && r.path === `/public-api/v1${path}`,
		);
	const output = (execution: RunExecution, node: string) =>
		execution.data.resultData.runData[node][0].data.main[0].map((i) => i.json);

	beforeAll(async () => {
		bigdd = await startBigdd({ orders: 2_100, products: 5, files: 20, licenseKeys: 10 });
		shop = bigdd.server.shop as Shop;
		// Two webhook processors: the first tests send everything to one of them (as with a single
		// processor, or a proxy that routes BigDD's path to one); the last spread deliveries over both.
		cluster = await createQueueCluster({ tarball: e2eTarball(), webhookProcessors: 2, workers: 2 });
		await cluster.main.importCredentials([
			bigddCredential({
				id: CREDENTIAL_ID,
				baseUrl: bigdd.url,
				apiToken: bigdd.server.token,
				webhookSigningSecret: SIGNING_SECRET,
			}),
		]);
		await cluster.main.importWorkflows([
			actionWorkflow({
				id: 'bigddQueueAction',
				credentialId: CREDENTIAL_ID,
				nodes: [
					{
						name: 'All orders',
						parameters: { resource: 'order', operation: 'getAll', returnAll: true },
					},
					{
						name: 'Import keys',
						parameters: {
							resource: 'licenseKey',
							operation: 'create',
							keys: Array.from({ length: KEYS }, (_, i) => `Q-${i}`).join('\n'),
							tag: 'queue',
						},
					},
				],
			}),
			{
				id: UPLOAD.id,
				name: UPLOAD.id,
				active: false,
				nodes: [
					{
						id: 'hook',
						name: 'Receive file',
						type: 'n8n-nodes-base.webhook',
						typeVersion: 2,
						position: [0, 0],
						webhookId: UPLOAD.path,
						parameters: {
							httpMethod: 'POST',
							path: UPLOAD.path,
							responseMode: 'onReceived',
							options: {},
						},
					},
					{
						id: 'upload',
						name: 'Upload',
						type: 'n8n-nodes-big-digital-downloads.bigDigitalDownloads',
						typeVersion: 1,
						position: [300, 0],
						parameters: {
							resource: 'file',
							operation: 'upload',
							binaryPropertyName: 'data',
							options: { fileName: 'from-webhook.zip' },
						},
						credentials: {
							[CREDENTIAL_TYPE]: { id: CREDENTIAL_ID, name: `BigDD ${CREDENTIAL_ID}` },
						},
					},
				],
				connections: { 'Receive file': { main: [[{ node: 'Upload', type: 'main', index: 0 }]] } },
				settings: { executionOrder: 'v1' },
			},
			...deliveryWorkflows(CREDENTIAL_ID),
			triggerWorkflow({ ...SPREAD, credentialId: CREDENTIAL_ID, events: [...EVENT_TYPES] }),
			triggerWorkflow({ ...SLOW, credentialId: CREDENTIAL_ID, events: [...EVENT_TYPES] }),
			pollingWorkflow({ id: POLLING, credentialId: CREDENTIAL_ID }),
		]);
		for (const id of [UPLOAD.id, SEQUENCE.id, BURST.id, SPREAD.id, SLOW.id, POLLING])
			await cluster.main.publish(id);
		await startAndWait();
	});

	afterAll(async () => {
		await cluster?.dispose();
		await bigdd?.server.stop();
	});

	it('a manual run executes on the worker: Return All over 2,100 orders and a 5,001-key import', async () => {
		bigdd.clear();
		const execution = (await (
			await cluster.main.startByHand('bigddQueueAction', 'Start')
		)(120_000)) as RunExecution;
		expect(execution.status).toBe('success');
		expect(cluster.executionsStartedByWorkers()).toContain(execution.id);

		expect(
			output(execution, 'All orders')
				.map((o) => o.id)
				.sort(),
		).toEqual(shop.orders.map((o) => o.id).sort());
		expect(received('GET', '/orders')).toHaveLength(Math.ceil(shop.orders.length / 100));
		expect(output(execution, 'Import keys')).toEqual([
			{ created: KEYS, skipped: 0, total: KEYS, batches: 2, tag: 'queue', duplicates: 'skip' },
		]);
		expect(shop.licenseKeys.filter((k) => k.key.startsWith('Q-'))).toHaveLength(KEYS);
	});

	it('a binary received by the webhook processor is uploaded byte-exact by the worker', async () => {
		const { deterministicBytes } = jest.requireActual('../../dev-server/server');
		const bytes: Buffer = deterministicBytes(UPLOAD_BYTES, 11);
		const answer = await fetch(`${cluster.webhookBaseUrl()}/webhook/${UPLOAD.path}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/zip' },
			body: bytes,
		});
		expect(answer.status).toBe(200);
		const [execution] = (await cluster.main.waitForExecutions(
			UPLOAD.id,
			1,
			60_000,
		)) as RunExecution[];
		expect(execution.status).toBe('success');
		expect(cluster.executionsStartedByWorkers()).toContain(execution.id);
		expect(received('POST', '/files').map((r) => r.multipart?.files)).toEqual([
			[
				{
					field: 'file',
					filename: 'from-webhook.zip',
					contentType: 'application/zip',
					size: UPLOAD_BYTES,
					sha256: createHash('sha256').update(bytes).digest('hex'),
				},
			],
		]);
	});

	it('the polling trigger is polled by the main only (one request per minute, not one per process); an order placed while the cluster runs starts one run, on a worker', async () => {
		const ordersPolled = () =>
			(bigdd.requests() as LoggedRequest[]).filter(
				(r) => r.path === '/public-api/v1/orders' && r.query.sort === 'created_at',
			);
		bigdd.clear();
		await poll(
			async () => ordersPolled().length,
			(count) => count > 0,
			{ timeoutMs: 90_000, intervalMs: 250 },
		);
		// Every process that polled would ask within the same second: give them ten.
		await sleep(10_000);
		expect(ordersPolled()).toHaveLength(1);
		const at = new Date(
			Math.max(Date.now(), ...shop.orders.map((o) => Date.parse(o.created_at))) + 1_000,
		).toISOString();
		const order = newOrder(shop, [shop.products[0]], { created_at: at, updated_at: at });
		const runs = (await cluster.main.waitForExecutions(POLLING, 1, 150_000)) as RunExecution[];
		expect(runs).toHaveLength(1);
		expect(output(runs[0], POLLING_TRIGGER_NAME).map((o) => o.id)).toEqual([order.id]);
		expect(cluster.executionsStartedByWorkers()).toContain(runs[0].id);
	});

	describe('trigger, every delivery to one webhook processor', () => {
		it('its runs execute on the worker', async () => {
			const { send } = deliveryHelpers(target);
			expect(
				JSON.parse(
					(
						await send(
							BURST.webhookId,
							buildEvent(shop, 'digital_order.purchased', { id: 'evt_queue_first' }),
						)
					).body,
				),
			).toEqual({ received: true });
			const [execution] = (await cluster.main.waitForExecutions(
				BURST.id,
				1,
				60_000,
			)) as RunExecution[];
			expect(execution.mode).toBe('webhook');
			expect(cluster.executionsStartedByWorkers()).toContain(execution.id);
		});

		describeExactlyOnce(target);
	});

	describe('trigger, deliveries spread over two webhook processors', () => {
		const { settle } = deliveryHelpers(target);
		const sendTo = async (processor: number, event: object, webhookId = SPREAD.webhookId) =>
			JSON.parse(
				(
					await deliverWebhook({
						url: `${cluster.webhookBaseUrl(processor)}/webhook/${webhookId}/bigdd`,
						secret: SIGNING_SECRET,
						event,
						timeoutMs: 60_000,
					})
				).body,
			);
		/** The event id of each run whose nodes after the trigger ran (a run stopped at the trigger has none). */
		const idsDone = async (workflowId: string) =>
			((await cluster.main.waitForExecutions(workflowId, 0)) as RunExecution[])
				.filter((e) => e.data.resultData.runData.Done)
				.map((e) => output(e, TRIGGER_NAME)[0].id as string);

		it('a retry that reaches the other processor after the first run ended is refused', async () => {
			for (let i = 0; i < 20; i++) {
				const event = buildEvent(shop, 'digital_order.purchased', { id: `evt_spread_${i}` });
				expect(await sendTo(i % 2, event)).toEqual({ received: true });
				await cluster.main.waitForExecutions(SPREAD.id, i + 1, 30_000);
				expect({ i, answer: await sendTo((i + 1) % 2, event) }).toEqual({
					i,
					answer: { received: true, ignored: 'duplicate' },
				});
			}
			const ran = await idsDone(SPREAD.id);
			expect(ran).toHaveLength(20);
			expect(new Set(ran).size).toBe(20);
		});

		it('a retry that reaches the other processor while the first run is still going (a Wait step): the nodes after the trigger run once', async () => {
			const ids = Array.from({ length: 6 }, (_, i) => `evt_slow_${i}`);
			const retries = [];
			for (const [i, id] of ids.entries()) {
				const event = buildEvent(shop, 'digital_order.purchased', { id });
				expect({ i, first: await sendTo(i % 2, event, SLOW.webhookId) }).toEqual({
					i,
					first: { received: true },
				});
				// BigDD retries a delivery it counted as failed seconds to minutes later; the first run is in its Wait step by then.
				await sleep(2_000);
				// The other processor knows the id only if a run on the worker that ran it has ended since and saved it.
				retries.push(await sendTo((i + 1) % 2, event, SLOW.webhookId));
			}
			expect(retries.every((answer) => answer.received === true)).toBe(true);
			const started = retries.filter((answer) => answer.ignored !== 'duplicate').length;
			const executions = (await cluster.main.waitForExecutions(
				SLOW.id,
				ids.length + started,
				120_000,
			)) as RunExecution[];
			expect(executions.every((e) => e.status === 'success')).toBe(true);
			expect((await idsDone(SLOW.id)).sort()).toEqual([...ids].sort());
			// Each retry that started a run stopped at the trigger: its output is empty, the Wait and Done never ran.
			const stopped = executions.filter((e) => !e.data.resultData.runData.Done);
			expect(stopped).toHaveLength(started);
			expect(
				stopped.every(
					(e) => output(e, TRIGGER_NAME).length === 0 && !e.data.resultData.runData.Wait,
				),
			).toBe(true);
			report(
				`queue mode, a retry on the other processor while the first run waits: ${started} of ${ids.length} started a run (stopped at the trigger), the rest were refused at the webhook; Done ran once per id`,
			);
		});

		it('copies that reach both processors at the same moment: every id runs, and the number that ran twice is measured (n8n cannot lock across processes)', async () => {
			const ids = Array.from({ length: 20 }, (_, i) => `evt_both_${i}`);
			for (const id of ids) {
				const event = buildEvent(shop, 'digital_order.purchased', { id });
				await Promise.all([sendTo(0, event), sendTo(1, event), sendTo(0, event), sendTo(1, event)]);
			}
			await settle(SPREAD.id, SPREAD.webhookId, 20 + ids.length);
			const ran = (await idsDone(SPREAD.id)).filter((id) => id.startsWith('evt_both_'));
			const twice = ids.filter((id) => ran.filter((r) => r === id).length === 2);
			expect(ids.filter((id) => !ran.includes(id))).toEqual([]);
			expect(ran.length).toBe(ids.length + twice.length);
			// Measured, for the README: how many of the 20 ran their nodes after the trigger on both processors.
			report(
				`queue mode, concurrent copies on two webhook processors: ${twice.length} of ${ids.length} ids ran twice`,
			);
		});
	});
});
