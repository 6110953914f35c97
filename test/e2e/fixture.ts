// The setup most e2e files share, in one place.
import type { Shop } from '../helpers/local-bigdd';
import { startBigdd } from '../harness/bigdd';
import { e2eTarball } from '../harness/e2e-env';
import { createN8n } from '../harness/n8n';
import { bigddCredential } from '../harness/workflows';

export type Bigdd = Awaited<ReturnType<typeof startBigdd>>;
export type N8n = Awaited<ReturnType<typeof createN8n>>;
export type Rest = Awaited<ReturnType<N8n['login']>>;

/**
 * A local BigDD server, a real n8n 2.x with the packed package and a credential (`credentialId`)
 * pointing at that server, started and logged in; all stopped after the file. Getters, because jest
 * runs the setup after the file's tests are declared.
 */
export function useN8nWithBigdd(setup: {
	bigdd?: Parameters<typeof startBigdd>[0];
	credentialId: string;
	/** Workflows to import before n8n starts, built from the seeded shop. */
	workflows?: (shop: Shop) => unknown[];
}) {
	const state: { bigdd?: Bigdd; n8n?: N8n; rest?: Rest } = {};
	beforeAll(async () => {
		const bigdd = (state.bigdd = await startBigdd(setup.bigdd));
		const n8n = (state.n8n = await createN8n({ tarball: e2eTarball() }));
		await n8n.importCredentials([bigddCredential({ id: setup.credentialId, baseUrl: bigdd.url, apiToken: bigdd.server.token })]);
		if (setup.workflows) await n8n.importWorkflows(setup.workflows(bigdd.server.shop as Shop));
		await n8n.start();
		state.rest = await n8n.login();
	});
	afterAll(async () => {
		await state.n8n?.dispose();
		await state.bigdd?.server.stop();
	});
	const started = <K extends keyof typeof state>(key: K): NonNullable<(typeof state)[K]> => {
		const value = state[key];
		if (!value) throw new Error(`the e2e setup did not finish (${key} is missing)`);
		return value as NonNullable<(typeof state)[K]>;
	};
	return {
		bigdd: () => started('bigdd'),
		n8n: () => started('n8n'),
		rest: () => started('rest'),
		shop: () => started('bigdd').server.shop as Shop,
	};
}
