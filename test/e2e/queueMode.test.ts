// n8n 2.x in queue mode (PostgreSQL + Redis, main + worker + webhook processor), as users scale it out:
// the packed package's operations run on a worker, a binary received by the webhook processor is
// uploaded by the worker, and the trigger keeps its delivery guarantees.
import { createHash } from 'crypto';
import type { LoggedRequest, Shop } from '../support/local-bigdd';
import { startBigdd } from '../../harness/bigdd';
import { e2eTarball, report } from './setup/env';
import { createQueueCluster } from '../../harness/queue';
import { actionWorkflow, bigddCredential, CREDENTIAL_TYPE, triggerWorkflow, TRIGGER_NAME } from '../../harness/workflows';
import { BURST, deliveryHelpers, deliveryWorkflows, describeExactlyOnce, SEQUENCE, SIGNING_SECRET } from './scenarios/triggerDelivery';
import { buildEvent, deliverWebhook, EVENT_TYPES } from '../../dev-server/webhooks';

const CREDENTIAL_ID = 'bigddQueueCred01';
const KEYS = 5_001;
const UPLOAD_BYTES = 2_000_000;
const UPLOAD = { id: 'bigddQueueUpload', path: 'queue-upload' };
const SPREAD = { id: 'bigddQueueSpread', webhookId: 'bigdd-spread' };

interface RunExecution {
	id: string;
	mode: string;
	status: string;
	data: { resultData: { runData: Record<string, { data: { main: { json: Record<string, unknown> }[][] } }[]> } };
}

describe('queue mode (n8n 2.x: PostgreSQL, Redis, main, worker, webhook processor)', () => {
	let bigdd: Awaited<ReturnType<typeof startBigdd>>;
	let cluster: Awaited<ReturnType<typeof createQueueCluster>>;
	let shop: Shop;

	const startAndWait = async () => {
		await cluster.start();
		for (const processor of [0, 1]) {
			for (const webhookPath of [`${SEQUENCE.webhookId}/bigdd`, `${BURST.webhookId}/bigdd`, `${SPREAD.webhookId}/bigdd`, UPLOAD.path]) {
				await cluster.main.waitForWebhook(webhookPath, 60_000, cluster.webhookBaseUrl(processor));
			}
		}
	};
	const target = () => ({
		webhookUrl: (webhookId: string) => `${cluster.webhookBaseUrl()}/webhook/${webhookId}/bigdd`,
		waitForExecutions: cluster.main.waitForExecutions,
		shop: bigdd.server.shop,
		restart: async () => {
			await cluster.stop();
			await startAndWait();
		},
	});
	const received = (method: string, path: string) =>
		(bigdd.requests() as LoggedRequest[]).filter((r) => r.method === method && r.path === `/public-api/v1${path}`);
	const output = (execution: RunExecution, node: string) => execution.data.resultData.runData[node][0].data.main[0].map((i) => i.json);

	beforeAll(async () => {
		bigdd = await startBigdd({ orders: 2_100, products: 5, files: 20, licenseKeys: 10 });
		shop = bigdd.server.shop as Shop;
		// Two webhook processors: the first tests send everything to one of them (as with a single
		// processor, or a proxy that routes BigDD's path to one); the last spread deliveries over both.
		cluster = await createQueueCluster({ tarball: e2eTarball(), webhookProcessors: 2 });
		await cluster.main.importCredentials([
			bigddCredential({ id: CREDENTIAL_ID, baseUrl: bigdd.url, apiToken: bigdd.server.token, webhookSigningSecret: SIGNING_SECRET }),
		]);
		await cluster.main.importWorkflows([
			actionWorkflow({
				id: 'bigddQueueAction',
				credentialId: CREDENTIAL_ID,
				nodes: [
					{ name: 'All orders', parameters: { resource: 'order', operation: 'getAll', returnAll: true } },
					{ name: 'Import keys', parameters: { resource: 'licenseKey', operation: 'create', keys: Array.from({ length: KEYS }, (_, i) => `Q-${i}`).join('\n'), tag: 'queue' } },
				],
			}),
			{
				id: UPLOAD.id,
				name: UPLOAD.id,
				active: false,
				nodes: [
					{ id: 'hook', name: 'Receive file', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: UPLOAD.path, parameters: { httpMethod: 'POST', path: UPLOAD.path, responseMode: 'onReceived', options: {} } },
					{
						id: 'upload',
						name: 'Upload',
						type: 'n8n-nodes-big-digital-downloads.bigDigitalDownloads',
						typeVersion: 1,
						position: [300, 0],
						parameters: { resource: 'file', operation: 'upload', binaryPropertyName: 'data', options: { fileName: 'from-webhook.zip' } },
						credentials: { [CREDENTIAL_TYPE]: { id: CREDENTIAL_ID, name: `BigDD ${CREDENTIAL_ID}` } },
					},
				],
				connections: { 'Receive file': { main: [[{ node: 'Upload', type: 'main', index: 0 }]] } },
				settings: { executionOrder: 'v1' },
			},
			...deliveryWorkflows(CREDENTIAL_ID),
			triggerWorkflow({ ...SPREAD, credentialId: CREDENTIAL_ID, events: [...EVENT_TYPES] }),
		]);
		for (const id of [UPLOAD.id, SEQUENCE.id, BURST.id, SPREAD.id]) await cluster.main.publish(id);
		await startAndWait();
	});

	afterAll(async () => {
		await cluster?.dispose();
		await bigdd?.server.stop();
	});

	it('a manual run executes on the worker: Return All over 2,100 orders and a 5,001-key import', async () => {
		bigdd.clear();
		const rest = await cluster.main.login();
		const started = await rest('POST', '/rest/workflows/bigddQueueAction/run', { triggerToStartFrom: { name: 'Start' } });
		expect(started.status).toBe(200);
		const [execution] = (await cluster.main.waitForExecutions('bigddQueueAction', 1, 120_000)) as RunExecution[];
		expect(execution.status).toBe('success');
		expect(cluster.executionsStartedByWorkers()).toContain(execution.id);

		expect(output(execution, 'All orders').map((o) => o.id).sort()).toEqual(shop.orders.map((o) => o.id).sort());
		expect(received('GET', '/orders')).toHaveLength(Math.ceil(shop.orders.length / 100));
		expect(output(execution, 'Import keys')).toEqual([{ created: KEYS, skipped: 0, total: KEYS, batches: 2, tag: 'queue', duplicates: 'skip' }]);
		expect(shop.licenseKeys.filter((k) => k.key.startsWith('Q-'))).toHaveLength(KEYS);
	});

	it('a binary received by the webhook processor is uploaded byte-exact by the worker', async () => {
		const { deterministicBytes } = jest.requireActual('../../dev-server/server');
		const bytes: Buffer = deterministicBytes(UPLOAD_BYTES, 11);
		const answer = await fetch(`${cluster.webhookBaseUrl()}/webhook/${UPLOAD.path}`, { method: 'POST', headers: { 'Content-Type': 'application/zip' }, body: bytes });
		expect(answer.status).toBe(200);
		const [execution] = (await cluster.main.waitForExecutions(UPLOAD.id, 1, 60_000)) as RunExecution[];
		expect(execution.status).toBe('success');
		expect(cluster.executionsStartedByWorkers()).toContain(execution.id);
		expect(received('POST', '/files').map((r) => r.multipart?.files)).toEqual([
			[{ field: 'file', filename: 'from-webhook.zip', contentType: 'application/zip', size: UPLOAD_BYTES, sha256: createHash('sha256').update(bytes).digest('hex') }],
		]);
	});

	describe('trigger, every delivery to one webhook processor', () => {
		it('its runs execute on the worker', async () => {
			const { send } = deliveryHelpers(target);
			expect(JSON.parse((await send(BURST.webhookId, buildEvent(shop, 'digital_order.purchased', { id: 'evt_queue_first' }))).body)).toEqual({ received: true });
			const [execution] = (await cluster.main.waitForExecutions(BURST.id, 1, 60_000)) as RunExecution[];
			expect(execution.mode).toBe('webhook');
			expect(cluster.executionsStartedByWorkers()).toContain(execution.id);
		});

		describeExactlyOnce(target);
	});

	describe('trigger, deliveries spread over two webhook processors', () => {
		const { settle } = deliveryHelpers(target);
		const sendTo = async (processor: number, event: object) =>
			JSON.parse((await deliverWebhook({ url: `${cluster.webhookBaseUrl(processor)}/webhook/${SPREAD.webhookId}/bigdd`, secret: SIGNING_SECRET, event, timeoutMs: 60_000 })).body);
		const idsRun = async () => ((await cluster.main.waitForExecutions(SPREAD.id, 0)) as RunExecution[]).map((e) => output(e, TRIGGER_NAME)[0].id as string);

		it('a retry that reaches the other processor after the first run ended is refused', async () => {
			for (let i = 0; i < 20; i++) {
				const event = buildEvent(shop, 'digital_order.purchased', { id: `evt_spread_${i}` });
				expect(await sendTo(i % 2, event)).toEqual({ received: true });
				await cluster.main.waitForExecutions(SPREAD.id, i + 1, 30_000);
				expect({ i, answer: await sendTo((i + 1) % 2, event) }).toEqual({ i, answer: { received: true, ignored: 'duplicate' } });
			}
			const ran = await idsRun();
			expect(ran).toHaveLength(20);
			expect(new Set(ran).size).toBe(20);
		});

		it('copies that reach both processors at the same moment: each processor runs an id at most once (n8n cannot lock across processes)', async () => {
			const ids = Array.from({ length: 20 }, (_, i) => `evt_both_${i}`);
			for (const id of ids) {
				const event = buildEvent(shop, 'digital_order.purchased', { id });
				await Promise.all([sendTo(0, event), sendTo(1, event), sendTo(0, event), sendTo(1, event)]);
			}
			await settle(SPREAD.id, SPREAD.webhookId, 20 + ids.length);
			const ran = (await idsRun()).filter((id) => id.startsWith('evt_both_'));
			const twice = ids.filter((id) => ran.filter((r) => r === id).length === 2);
			expect(ids.filter((id) => !ran.includes(id))).toEqual([]);
			expect(ran.length).toBe(ids.length + twice.length);
			// Measured, for the README: how many of the 20 ran on both processors.
			report(`queue mode, concurrent copies on two webhook processors: ${twice.length} of ${ids.length} ids ran twice`);
		});
	});
});
