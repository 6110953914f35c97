// Upgrading from 0.1.0, as a merchant does: the package as released at 0.1.0 (built from this
// repository's history) is installed in a real n8n 2.x, workflows and a credential are saved with it and
// run; then the current package is installed over it in the same user folder and n8n restarted. The
// same workflows give the same items, except what the CHANGELOG lists under "may affect saved workflows".
import type { Shop } from '../support/local-bigdd';
import { startBigdd } from '../../harness/bigdd';
import { createN8n, nodeOutput } from '../../harness/n8n';
import { packFromHistory } from '../../harness/runtime';
import {
	actionWorkflow,
	bigddCredential,
	triggerWorkflow,
	TRIGGER_NAME,
} from '../../harness/workflows';
import { buildEvent, deliverWebhook } from '../../dev-server/webhooks';
import packageJson from '../../package.json';
import { e2eTarball } from './setup/env';

/** The commit of this repository released as 0.1.0 (the last of 2026-11-27, the CHANGELOG's date). */
const RELEASE_0_1_0 = 'aaf90a29fb27a04282fe49680a890e3123ee4924';
const CREDENTIAL_ID = 'bigddUpgradeCred';
const SAVED_SIGNING_SECRET = 'whsec_example_saved_by_0_1_0';
const TRIGGER = { id: 'bigddUpgradeTrig', webhookId: 'bigdd-upgrade-trigger' };

describe('upgrade from 0.1.0 in the same n8n user folder', () => {
	let bigdd: Awaited<ReturnType<typeof startBigdd>>;
	let n8n: Awaited<ReturnType<typeof createN8n>>;
	let shop: Shop;
	const runs: Record<'before' | 'after', Record<string, unknown>> = { before: {}, after: {} };

	/** Workflows as 0.1.0 saved them: node version 1, plain-text IDs, Sort inside Options. */
	const savedWorkflows = () => {
		const order = shop.orders[2];
		return [
			actionWorkflow({
				id: 'bigddUpgradeRead',
				credentialId: CREDENTIAL_ID,
				nodes: [
					{
						name: 'Order',
						parameters: {
							resource: 'order',
							operation: 'get',
							orderId: order.id,
							options: { include: ['downloads'] },
						},
					},
					{
						name: 'Orders',
						parameters: {
							resource: 'order',
							operation: 'getAll',
							limit: 30,
							filters: { financialStatus: ['PAID'] },
							options: { sort: 'created_at' },
						},
					},
					{
						name: 'Customer',
						parameters: {
							resource: 'customer',
							operation: 'getDownloads',
							customerId: order.customer.gid,
							returnAll: true,
						},
					},
					{
						name: 'Products',
						parameters: {
							resource: 'digitalProduct',
							operation: 'getAll',
							returnAll: true,
							options: { sort: 'id' },
						},
					},
					{
						name: 'Keys',
						parameters: {
							resource: 'licenseKey',
							operation: 'getAll',
							returnAll: true,
							filters: { status: 'assigned' },
						},
					},
					{
						name: 'Validate',
						parameters: {
							resource: 'licenseKey',
							operation: 'validate',
							key: shop.licenseKeys[0].key,
						},
					},
				],
			}),
			// CHANGELOG 0.2.0, "may affect saved workflows": Limit 0 is refused instead of returning every record.
			actionWorkflow({
				id: 'bigddUpgradeLim0',
				credentialId: CREDENTIAL_ID,
				nodes: [
					{ name: 'Limit 0', parameters: { resource: 'order', operation: 'getAll', limit: 0 } },
				],
			}),
			triggerWorkflow({
				...TRIGGER,
				credentialId: CREDENTIAL_ID,
				events: ['digital_order.purchased'],
			}),
		];
	};
	const READ_NODES = ['Order', 'Orders', 'Customer', 'Products', 'Keys', 'Validate'];

	const send = async (id: string, secret = SAVED_SIGNING_SECRET) =>
		await deliverWebhook({
			url: `${n8n.baseUrl}/webhook/${TRIGGER.webhookId}/bigdd`,
			secret,
			event: buildEvent(shop, 'digital_order.purchased', { id }),
		});
	const triggered = async (count: number) =>
		(
			(await n8n.waitForExecutions(TRIGGER.id, count, 60_000)) as {
				data: {
					resultData: {
						runData: Record<string, { data: { main: { json: { id: string } }[][] } }[]>;
					};
				};
			}[]
		).map((e) => e.data.resultData.runData[TRIGGER_NAME][0].data.main[0][0].json.id);

	/** What one version does with the saved workflows: the manual runs, and an event at the published trigger. */
	const runEverything = async (
		when: 'before' | 'after',
		eventId: string,
		runsSoFar: number,
		retried?: string,
	) => {
		runs[when].read = await n8n.execute('bigddUpgradeRead');
		runs[when].limit0 = await n8n.execute('bigddUpgradeLim0');
		await n8n.start();
		await n8n.waitForWebhook(`${TRIGGER.webhookId}/bigdd`);
		// BigDD retrying an event the other version already ran.
		if (retried) runs[when].retried = JSON.parse((await send(retried)).body);
		expect((await send(eventId)).status).toBe(200);
		expect((await send(`${eventId}_forged`, 'whsec_not_the_saved_one')).status).toBe(401);
		runs[when].triggered = await triggered(runsSoFar + 1);
		await n8n.stop();
	};

	beforeAll(async () => {
		bigdd = await startBigdd({ orders: 60, products: 12, files: 30, licenseKeys: 20 });
		shop = bigdd.server.shop as Shop;
		const released = packFromHistory(RELEASE_0_1_0);
		expect(released.version).toBe('0.1.0');
		n8n = await createN8n({ tarball: released.tarball });
		// The credential as 0.1.0 saved it: one signing secret.
		await n8n.importCredentials([
			bigddCredential({
				id: CREDENTIAL_ID,
				baseUrl: bigdd.url,
				apiToken: bigdd.server.token,
				webhookSigningSecret: SAVED_SIGNING_SECRET,
			}),
		]);
		await n8n.importWorkflows(savedWorkflows());
		await n8n.publish(TRIGGER.id);
		expect(n8n.installedVersion()).toBe('0.1.0');
		await runEverything('before', 'evt_upgrade_before', 0);

		await n8n.installPackage(e2eTarball());
		expect(n8n.installedVersion()).toBe(packageJson.version);
		await runEverything('after', 'evt_upgrade_after', 1, 'evt_upgrade_before');
	});

	afterAll(async () => {
		await n8n?.dispose();
		await bigdd?.server.stop();
	});

	it.each(READ_NODES)('%s: the same items after the upgrade as with 0.1.0', (node) => {
		const before = nodeOutput(runs.before.read, node).items;
		expect(before.length).toBeGreaterThan(0);
		expect(nodeOutput(runs.after.read, node).items).toEqual(before);
	});

	it('Limit 0: every order with 0.1.0; refused with what to do after, as the CHANGELOG says', () => {
		expect(nodeOutput(runs.before.limit0, 'Limit 0').items).toHaveLength(shop.orders.length);
		const after = runs.after.limit0 as {
			status: string;
			data: { resultData: { error: { message: string; description: string } } };
		};
		expect(after.status).toBe('error');
		expect(after.data.resultData.error.message).toBe('Limit must be a whole number of 1 or more');
		expect(after.data.resultData.error.description).toContain('Return All');
	});

	it('the trigger published with 0.1.0 still verifies with the one secret its credential saved, and runs each new event once', () => {
		expect(runs.before.triggered).toEqual(['evt_upgrade_before']);
		expect(runs.after.triggered).toEqual(['evt_upgrade_after', 'evt_upgrade_before']);
		// The id 0.1.0 remembered is still known after the upgrade: BigDD's retry of it runs nothing.
		expect(runs.after.retried).toEqual({ received: true, ignored: 'duplicate' });
	});
});
