// The example workflows that npm start imports (and the README shows) run as published.
import { startBigdd } from '../harness/bigdd';
import { e2eTarball } from '../harness/e2e-env';
import { createN8n, nodeOutput } from '../harness/n8n';
import { bigddCredential } from '../harness/workflows';
import raiseLimits from '../../examples/digital-products-raise-limits.json';
import licenseCheck from '../../examples/license-key-check.json';
import purchaseTrigger from '../../examples/purchase-trigger.json';

describe('example workflows in real n8n', () => {
	let bigdd: Awaited<ReturnType<typeof startBigdd>>;
	let n8n: Awaited<ReturnType<typeof createN8n>>;

	beforeAll(async () => {
		bigdd = await startBigdd();
		n8n = await createN8n({ tarball: e2eTarball() });
		await n8n.importCredentials([bigddCredential({ id: 'bigddLocalDemo01', name: 'BigDD (local server)', baseUrl: bigdd.url, apiToken: bigdd.server.token })]);
		await n8n.importWorkflows([raiseLimits, licenseCheck, purchaseTrigger]);
	});

	afterAll(async () => {
		await n8n?.dispose();
		await bigdd?.server.stop();
	});

	it('raise download limits: products limited to 1-5 get 10, unlimited ones stay unlimited', async () => {
		const limited = (bigdd.server.shop.products as { id: string; is_archived: boolean; max_downloads: number | null }[])
			.filter((p) => !p.is_archived && p.max_downloads !== null && p.max_downloads > 0 && p.max_downloads <= 5)
			.map((p) => p.id);
		const run = await n8n.execute(raiseLimits.id);
		const updated = nodeOutput(run, 'Raise max downloads to 10').items as { id: string; max_downloads: number }[];
		expect(updated.map((p) => p.id).sort()).toEqual([...limited].sort());
		expect(updated.every((p) => p.max_downloads === 10)).toBe(true);
	});

	it('license key check: a sold key is licensed, a made-up one is not', async () => {
		const sold = (bigdd.server.shop.licenseKeys as { key: string; order_id: string | null }[]).filter((k) => k.order_id !== null).map((k) => k.key);
		const run = await n8n.execute(licenseCheck.id);
		const [genuine, madeUp] = nodeOutput(run, 'Validate license key').items;
		expect(genuine).toMatchObject({ valid: true, assigned: true, licensed: true });
		expect(sold).toContain(genuine.key);
		// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- the example's made-up licence key
		expect(madeUp).toMatchObject({ key: 'FAKE-0000-0000-0000', valid: false, licensed: false });
		expect(nodeOutput(run, 'Validate license key').items).toHaveLength(2);
	});
});
