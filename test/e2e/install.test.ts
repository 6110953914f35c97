// Installed as operators install it: n8n 2.41.1's env-managed Community Nodes (N8N_COMMUNITY_PACKAGES_MANAGED_BY_ENV
// and N8N_COMMUNITY_PACKAGES, pinned to version and checksum) from the public npm registry (a local stand-in
// reached through the proxy, as npm reaches registry.npmjs.org), in queue mode where each process has its own
// user folder, as containers do; and what n8n does with a wrong checksum, a version that does not exist and a
// registry it cannot reach.
import { startAppStandIns } from '../../harness/app-stand-ins';
import { startBigdd } from '../../harness/bigdd';
import { createN8n } from '../../harness/n8n';
import { poll } from '../../harness/processes';
import { createQueueCluster } from '../../harness/queue';
import { installedPackageVersion as installedIn, PACKAGE_NAME } from '../../harness/runtime';
import { actionWorkflow, bigddCredential, triggerWorkflow, TRIGGER_NAME } from '../../harness/workflows';
import { buildEvent, deliverWebhook } from '../../dev-server/webhooks';
import packageJson from '../../package.json';
import { e2eTarball } from './setup/env';

const CREDENTIAL_ID = 'bigddInstallCred';
const SIGNING_SECRET = 'whsec_example_install';
const ACTION = 'bigddInstallActn';
const TRIGGER = { id: 'bigddInstallTrig', webhookId: 'bigdd-install' };
const VERSION = packageJson.version;

interface Run {
	id: string;
	status: string;
	data: { resultData: { runData: Record<string, { data: { main: { json: Record<string, unknown> }[][] } }[]> } };
}

const managedByEnv = (packages: object[]) => ({
	N8N_COMMUNITY_PACKAGES_MANAGED_BY_ENV: 'true',
	N8N_COMMUNITY_PACKAGES: JSON.stringify(packages),
	// Workers and webhook processors install what the main recorded (each has its own folder).
	N8N_REINSTALL_MISSING_PACKAGES: 'true',
	// n8n 3's default on the main: an unverified package installs only with a checksum.
	N8N_UNVERIFIED_PACKAGES_ENABLED: 'false',
});
/** Workers reinstall without a checksum (n8n has checksums only of verified packages), so they must allow unverified ones. */
const WORKERS_ALLOW_UNVERIFIED = { N8N_UNVERIFIED_PACKAGES_ENABLED: 'true' };

describe('env-managed install (n8n 2.41.1), queue mode: every process installs and runs the node', () => {
	let apps: Awaited<ReturnType<typeof startAppStandIns>>;
	let bigdd: Awaited<ReturnType<typeof startBigdd>>;
	let cluster: Awaited<ReturnType<typeof createQueueCluster>>;
	let checksum: string;

	beforeAll(async () => {
		apps = await startAppStandIns();
		checksum = apps.publish(PACKAGE_NAME, VERSION, e2eTarball());
		bigdd = await startBigdd({ orders: 20, products: 3, files: 6 });
		cluster = await createQueueCluster({
			workers: 1,
			webhookProcessors: 1,
			env: { ...apps.env, ...managedByEnv([{ name: PACKAGE_NAME, version: VERSION, checksum }]) },
			workerEnv: WORKERS_ALLOW_UNVERIFIED,
		});
		await cluster.main.importCredentials([bigddCredential({ id: CREDENTIAL_ID, baseUrl: bigdd.url, apiToken: bigdd.server.token, webhookSigningSecret: SIGNING_SECRET })]);
		await cluster.main.importWorkflows([
			actionWorkflow({ id: ACTION, credentialId: CREDENTIAL_ID, nodes: [{ name: 'Get order', parameters: { resource: 'order', operation: 'get', orderId: bigdd.server.shop.orders[0].id } }] }),
			triggerWorkflow({ ...TRIGGER, credentialId: CREDENTIAL_ID, events: ['digital_order.purchased'] }),
		]);
		await cluster.main.publish(TRIGGER.id);
		await cluster.start();
		await cluster.main.waitForWebhook(`${TRIGGER.webhookId}/bigdd`, 90_000, cluster.webhookBaseUrl());
	});

	afterAll(async () => {
		await cluster?.dispose();
		await bigdd?.server.stop();
		await apps?.stop();
	});

	it('the main, the worker and the webhook processor each have the pinned version, fetched from the registry with its checksum checked', () => {
		const root = cluster.main.root;
		expect([installedIn(root), installedIn(`${root}/worker-1`), installedIn(`${root}/webhook-1`)]).toEqual([VERSION, VERSION, VERSION]);
		const fetched = apps.calls.filter((call) => call.host === 'registry.npmjs.org').map((call) => call.path);
		expect(fetched).toContain(`/${PACKAGE_NAME}/-/${PACKAGE_NAME}-${VERSION}.tgz`);
		expect(fetched).toContain(`/${PACKAGE_NAME}/${VERSION}`);
	});

	it('a run started in the editor executes the node on the worker', async () => {
		const run = (await (await cluster.main.startByHand(ACTION, 'Start'))(120_000)) as Run;
		expect(run.status).toBe('success');
		expect(cluster.executionsStartedByWorkers()).toContain(run.id);
		expect(run.data.resultData.runData['Get order'][0].data.main[0][0].json.id).toBe(bigdd.server.shop.orders[0].id);
	});

	it("BigDD's event reaches the trigger on the webhook processor and runs on the worker", async () => {
		const event = buildEvent(bigdd.server.shop, 'digital_order.purchased', { id: 'evt_install_1' });
		const answer = await deliverWebhook({ url: `${cluster.webhookBaseUrl()}/webhook/${TRIGGER.webhookId}/bigdd`, secret: SIGNING_SECRET, event, timeoutMs: 60_000 });
		expect(answer.status).toBe(200);
		const [run] = (await cluster.main.waitForExecutions(TRIGGER.id, 1, 60_000)) as Run[];
		expect(run.data.resultData.runData[TRIGGER_NAME][0].data.main[0][0].json.id).toBe('evt_install_1');
		expect(cluster.executionsStartedByWorkers()).toContain(run.id);
	});

	it('a worker that refuses unverified packages (n8n 3\'s default) cannot install it: it says so in its log and runs nothing of it', async () => {
		const worker = await cluster.startWorker('worker-strict', { N8N_UNVERIFIED_PACKAGES_ENABLED: 'false' });
		expect(worker.log()).toContain(`Failed to reinstall community package ${PACKAGE_NAME}: Installation of unverified community packages is forbidden!`);
		expect(installedIn(worker.folder)).toBeUndefined();
	});

	it('the Community Nodes settings refuse changes: the environment manages the package', async () => {
		const rest = await cluster.main.login();
		const answer = await rest('POST', '/rest/community-packages', { name: PACKAGE_NAME });
		expect(answer.status).toBe(400);
		expect(JSON.stringify(answer.body)).toContain('Community packages are managed via environment variables on this instance');
	});
});

describe('env-managed install (n8n 2.41.1) that cannot install: n8n starts, says why in its log, the workflows stay', () => {
	let apps: Awaited<ReturnType<typeof startAppStandIns>>;
	let checksum: string;

	beforeAll(async () => {
		apps = await startAppStandIns();
		checksum = apps.publish(PACKAGE_NAME, VERSION, e2eTarball());
	});
	afterAll(async () => apps?.stop());

	it.each([
		['a wrong checksum', () => ({ version: VERSION, checksum: `sha512-${Buffer.alloc(64).toString('base64')}` }), () => ({}), 'Checksum verification failed'],
		['a version that does not exist', () => ({ version: '9.9.9', checksum }), () => ({}), ''],
		// npm retries an unreachable registry for minutes by default, and n8n's start waits: not here.
		['the registry unreachable', () => ({ version: VERSION, checksum }), () => ({ HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9', npm_config_fetch_retries: '0' }), ''],
	])('%s', async (_, pinned, envOverride, reason) => {
		const { version, checksum: sum } = pinned();
		const n8n = await createN8n({ env: { ...apps.env, ...managedByEnv([{ name: PACKAGE_NAME, version, checksum: sum }]), ...envOverride() } });
		try {
			await n8n.importCredentials([bigddCredential({ id: CREDENTIAL_ID, baseUrl: 'https://islandcloud.co', apiToken: 'bigdd_x' })]);
			await n8n.importWorkflows([actionWorkflow({ id: ACTION, credentialId: CREDENTIAL_ID, nodes: [{ name: 'Get order', parameters: { resource: 'order', operation: 'get', orderId: 'abc' } }] })]);
			await n8n.start();
			const failure = `Failed to install community package '${PACKAGE_NAME}@${version}' from env: ${reason}`;
			await poll(async () => n8n.log(), (log) => log.includes(failure), { timeoutMs: 60_000, intervalMs: 500 });
			expect(installedIn(n8n.root)).toBeUndefined();
			const rest = await n8n.login();
			const workflow = await rest('GET', `/rest/workflows/${ACTION}`);
			expect(workflow.status).toBe(200);
			expect(workflow.body.data.nodes.map((node: { type: string }) => node.type)).toContain(`${PACKAGE_NAME}.bigDigitalDownloads`);
		} finally {
			await n8n.dispose();
		}
	});
});
