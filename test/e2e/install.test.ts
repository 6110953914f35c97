// Installed as merchants and operators install it, from the public npm registry (a local stand-in reached
// through the proxy, as npm reaches registry.npmjs.org): Settings > Community Nodes in Chromium (install the
// last release, update to this one, uninstall); n8n 2.41.1's env-managed Community Nodes
// (N8N_COMMUNITY_PACKAGES_MANAGED_BY_ENV and N8N_COMMUNITY_PACKAGES, pinned to version and checksum) in queue
// mode where each process has its own user folder, as containers do; and what n8n does with a wrong checksum,
// a version that does not exist and a registry it cannot reach.
import { startAppStandIns } from '../../harness/app-stand-ins';
import { startBigdd } from '../../harness/bigdd';
import { createN8n } from '../../harness/n8n';
import { poll } from '../../harness/processes';
import { createQueueCluster } from '../../harness/queue';
import { demoShot, openEditor } from '../../harness/browser';
import {
	installedPackageVersion as installedIn,
	packFromHistory,
	PACKAGE_NAME,
} from '../../harness/runtime';
import {
	actionWorkflow,
	bigddCredential,
	triggerWorkflow,
	TRIGGER_NAME,
} from '../../harness/workflows';
import { buildEvent, deliverWebhook } from '../../dev-server/webhooks';
import packageJson from '../../package.json';
import { e2eTarball } from './setup/env';

const CREDENTIAL_ID = 'bigddInstallCred';
const SIGNING_SECRET = 'whsec_example_install';
const ACTION = 'bigddInstallActn';
const TRIGGER = { id: 'bigddInstallTrig', webhookId: 'bigdd-install' };
const VERSION = packageJson.version;
/** The commit of this repository released as 0.1.0 (as in upgrade.test.ts). */
const RELEASE_0_1_0 = 'aaf90a29fb27a04282fe49680a890e3123ee4924';

interface Run {
	id: string;
	status: string;
	data: {
		resultData: {
			runData: Record<string, { data: { main: { json: Record<string, unknown> }[][] } }[]>;
		};
	};
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
				id: ACTION,
				credentialId: CREDENTIAL_ID,
				nodes: [
					{
						name: 'Get order',
						parameters: {
							resource: 'order',
							operation: 'get',
							orderId: bigdd.server.shop.orders[0].id,
						},
					},
				],
			}),
			triggerWorkflow({
				...TRIGGER,
				credentialId: CREDENTIAL_ID,
				events: ['digital_order.purchased'],
			}),
		]);
		await cluster.main.publish(TRIGGER.id);
		await cluster.start();
		await cluster.main.waitForWebhook(
			`${TRIGGER.webhookId}/bigdd`,
			90_000,
			cluster.webhookBaseUrl(),
		);
	});

	afterAll(async () => {
		await cluster?.dispose();
		await bigdd?.server.stop();
		await apps?.stop();
	});

	it('the main, the worker and the webhook processor each have the pinned version, fetched from the registry with its checksum checked', () => {
		const root = cluster.main.root;
		expect([
			installedIn(root),
			installedIn(`${root}/worker-1`),
			installedIn(`${root}/webhook-1`),
		]).toEqual([VERSION, VERSION, VERSION]);
		const fetched = apps.calls
			.filter((call) => call.host === 'registry.npmjs.org')
			.map((call) => call.path);
		expect(fetched).toContain(`/${PACKAGE_NAME}/-/${PACKAGE_NAME}-${VERSION}.tgz`);
		expect(fetched).toContain(`/${PACKAGE_NAME}/${VERSION}`);
	});

	it('a run started in the editor executes the node on the worker', async () => {
		const run = (await (await cluster.main.startByHand(ACTION, 'Start'))(120_000)) as Run;
		expect(run.status).toBe('success');
		expect(cluster.executionsStartedByWorkers()).toContain(run.id);
		expect(run.data.resultData.runData['Get order'][0].data.main[0][0].json.id).toBe(
			bigdd.server.shop.orders[0].id,
		);
	});

	it("BigDD's event reaches the trigger on the webhook processor and runs on the worker", async () => {
		const event = buildEvent(bigdd.server.shop, 'digital_order.purchased', { id: 'evt_install_1' });
		const answer = await deliverWebhook({
			url: `${cluster.webhookBaseUrl()}/webhook/${TRIGGER.webhookId}/bigdd`,
			secret: SIGNING_SECRET,
			event,
			timeoutMs: 60_000,
		});
		expect(answer.status).toBe(200);
		const [run] = (await cluster.main.waitForExecutions(TRIGGER.id, 1, 60_000)) as Run[];
		expect(run.data.resultData.runData[TRIGGER_NAME][0].data.main[0][0].json.id).toBe(
			'evt_install_1',
		);
		expect(cluster.executionsStartedByWorkers()).toContain(run.id);
	});

	it("a worker that refuses unverified packages (n8n 3's default) cannot install it: it says so in its log and runs nothing of it", async () => {
		const worker = await cluster.startWorker('worker-strict', {
			N8N_UNVERIFIED_PACKAGES_ENABLED: 'false',
		});
		expect(worker.log()).toContain(
			`Failed to reinstall community package ${PACKAGE_NAME}: Installation of unverified community packages is forbidden!`,
		);
		expect(installedIn(worker.folder)).toBeUndefined();
	});

	it('the Community Nodes settings refuse changes: the environment manages the package', async () => {
		const rest = await cluster.main.login();
		const answer = await rest('POST', '/rest/community-packages', { name: PACKAGE_NAME });
		expect(answer.status).toBe(400);
		expect(JSON.stringify(answer.body)).toContain(
			'Community packages are managed via environment variables on this instance',
		);
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
		[
			'a wrong checksum',
			() => ({ version: VERSION, checksum: `sha512-${Buffer.alloc(64).toString('base64')}` }),
			() => ({}),
			'Checksum verification failed',
		],
		['a version that does not exist', () => ({ version: '9.9.9', checksum }), () => ({}), ''],
		// npm retries an unreachable registry for minutes by default, and n8n's start waits: not here.
		[
			'the registry unreachable',
			() => ({ version: VERSION, checksum }),
			() => ({
				HTTPS_PROXY: 'http://127.0.0.1:9',
				HTTP_PROXY: 'http://127.0.0.1:9',
				npm_config_fetch_retries: '0',
			}),
			'',
		],
	])('%s', async (_, pinned, envOverride, reason) => {
		const { version, checksum: sum } = pinned();
		const n8n = await createN8n({
			env: {
				...apps.env,
				...managedByEnv([{ name: PACKAGE_NAME, version, checksum: sum }]),
				...envOverride(),
			},
		});
		try {
			await n8n.importCredentials([
				bigddCredential({
					id: CREDENTIAL_ID,
					baseUrl: 'https://islandcloud.co',
					apiToken: 'bigdd_x',
				}),
			]);
			await n8n.importWorkflows([
				actionWorkflow({
					id: ACTION,
					credentialId: CREDENTIAL_ID,
					nodes: [
						{
							name: 'Get order',
							parameters: { resource: 'order', operation: 'get', orderId: 'abc' },
						},
					],
				}),
			]);
			await n8n.start();
			const failure = `Failed to install community package '${PACKAGE_NAME}@${version}' from env: ${reason}`;
			await poll(
				async () => n8n.log(),
				(log) => log.includes(failure),
				{ timeoutMs: 60_000, intervalMs: 500 },
			);
			expect(installedIn(n8n.root)).toBeUndefined();
			const rest = await n8n.login();
			const workflow = await rest('GET', `/rest/workflows/${ACTION}`);
			expect(workflow.status).toBe(200);
			expect(workflow.body.data.nodes.map((node: { type: string }) => node.type)).toContain(
				`${PACKAGE_NAME}.bigDigitalDownloads`,
			);
		} finally {
			await n8n.dispose();
		}
	});
});

describe('Settings > Community Nodes in Chromium (n8n 2.41.1): install the last release, update to this one, uninstall', () => {
	let apps: Awaited<ReturnType<typeof startAppStandIns>>;
	let bigdd: Awaited<ReturnType<typeof startBigdd>>;
	let n8n: Awaited<ReturnType<typeof createN8n>>;
	let editor: Awaited<ReturnType<typeof openEditor>>;
	const card = () => editor.page.getByTestId('community-package-card');
	const cardText = async () => (await card().textContent())?.replace(/\s+/g, ' ');
	/** The workflow that uses the node, started as the editor does: its run, or undefined when n8n would not start it. */
	const runGetOrder = async () => {
		try {
			return (await (
				await n8n.startByHand(ACTION, 'Start')
			)(60_000)) as Run;
		} catch {
			return undefined;
		}
	};

	beforeAll(async () => {
		apps = await startAppStandIns();
		const released = packFromHistory(RELEASE_0_1_0);
		expect(released.version).toBe('0.1.0');
		apps.publish(PACKAGE_NAME, released.version, released.tarball);
		apps.publish(PACKAGE_NAME, VERSION, e2eTarball());
		bigdd = await startBigdd({ orders: 10, products: 2, files: 4 });
		n8n = await createN8n({ env: apps.env });
		await n8n.importCredentials([
			bigddCredential({ id: CREDENTIAL_ID, baseUrl: bigdd.url, apiToken: bigdd.server.token }),
		]);
		await n8n.importWorkflows([
			actionWorkflow({
				id: ACTION,
				credentialId: CREDENTIAL_ID,
				nodes: [
					{
						name: 'Get order',
						parameters: {
							resource: 'order',
							operation: 'get',
							orderId: bigdd.server.shop.orders[0].id,
						},
					},
				],
			}),
		]);
		await n8n.start();
		editor = await openEditor(n8n);
		await editor.page.goto(`${n8n.baseUrl}/settings/community-nodes`);
	});

	afterAll(async () => {
		await editor?.browser.close();
		await n8n?.dispose();
		await bigdd?.server.stop();
		await apps?.stop();
	});

	it('Install: the name typed with a version, the risk accepted; the card shows it and the workflow that uses the node runs', async () => {
		const { page } = editor;
		expect((await runGetOrder())?.status).not.toBe('success');
		await page.getByRole('button', { name: 'Install a community node' }).click();
		const install = page.getByTestId('install-community-package-button');
		await page.getByPlaceholder('e.g. n8n-nodes-chatwork').fill(`${PACKAGE_NAME}@0.1.0`);
		expect(await install.isDisabled()).toBe(true);
		await page.getByTestId('user-agreement-checkbox').click();
		await install.click();
		await card().getByText('v0.1.0').waitFor({ timeout: 120_000 });
		expect(await cardText()).toContain(
			'2 nodes: Big Digital Downloads,Big Digital Downloads Trigger',
		);
		await demoShot(page, '01-install');
		expect(installedIn(n8n.root)).toBe('0.1.0');
		const run = (await runGetOrder())!;
		expect(run.status).toBe('success');
		expect(run.data.resultData.runData['Get order'][0].data.main[0][0].json.id).toBe(
			bigdd.server.shop.orders[0].id,
		);
	});

	it('Update: n8n offers this version and lists the nodes it replaces, updates; the new node is there and the workflow still runs, in the editor too', async () => {
		const { page } = editor;
		await card().getByRole('button', { name: 'Update' }).click();
		const dialog = page.getByRole('dialog');
		await dialog.getByText('Update node package').waitFor();
		expect(await dialog.textContent()).toContain(
			'Package includes: Big Digital Downloads, Big Digital Downloads Trigger',
		);
		await dialog.getByRole('button', { name: 'Confirm update' }).click();
		await card().getByText(`v${VERSION}`).waitFor({ timeout: 120_000 });
		expect(await cardText()).toContain(
			'3 nodes: Big Digital Downloads,Big Digital Downloads Trigger,Big Digital Downloads Polling Trigger',
		);
		expect(installedIn(n8n.root)).toBe(VERSION);
		await demoShot(page, '06-update');
		// The workflow run from the editor: the order BigDD returned, in the node's output.
		await page.goto(`${n8n.baseUrl}/workflow/${ACTION}`);
		await page.getByTestId('execute-workflow-button').click();
		await page.getByText('Workflow executed successfully').waitFor({ timeout: 60_000 });
		await page.locator('[data-test-id="canvas-node"][data-node-name="Get order"]').dblclick();
		await page
			.getByTestId('output-panel')
			.getByText(bigdd.server.shop.orders[0].name)
			.first()
			.waitFor({ timeout: 30_000 });
		await demoShot(page, '03-operation');
		await page.keyboard.press('Escape');
		expect((await runGetOrder())?.status).toBe('success');
		const fetched = apps.calls
			.filter((call) => call.host === 'registry.npmjs.org')
			.map((call) => call.path);
		expect(fetched).toEqual(
			expect.arrayContaining([
				`/${PACKAGE_NAME}/-/${PACKAGE_NAME}-0.1.0.tgz`,
				`/${PACKAGE_NAME}/-/${PACKAGE_NAME}-${VERSION}.tgz`,
			]),
		);
	});

	it("Uninstall: from the card's menu, confirmed; the package is gone and the workflow that used it stays but does not run", async () => {
		const { page } = editor;
		await page.goto(`${n8n.baseUrl}/settings/community-nodes`);
		await card().locator('button').last().click();
		await page
			.getByText(/uninstall/i)
			.first()
			.click();
		const dialog = page.getByRole('dialog');
		await dialog.getByText('Uninstall node package').waitFor();
		await dialog.getByRole('button', { name: 'Confirm uninstall' }).click();
		await card().waitFor({ state: 'detached', timeout: 120_000 });
		expect(installedIn(n8n.root)).toBeUndefined();
		const rest = await n8n.login();
		expect((await rest('GET', `/rest/workflows/${ACTION}`)).status).toBe(200);
		expect((await runGetOrder())?.status).not.toBe('success');
	});
});
