// The setup most e2e files share, in one place.
import type { LoggedRequest, Shop } from '../support/local-bigdd';
import { startBigdd } from '../../harness/bigdd';
import { e2eTarball } from './setup/env';
import { createN8n } from '../../harness/n8n';
import { bigddCredential } from '../../harness/workflows';

export type Bigdd = Awaited<ReturnType<typeof startBigdd>>;
export type N8n = Awaited<ReturnType<typeof createN8n>>;
export type Rest = Awaited<ReturnType<N8n['login']>>;
type OtherCredential = { id: string; name: string; type: string; data: Record<string, unknown> };

/**
 * A local BigDD server, a real n8n (2.x unless `line` says 1) with the packed package and a credential
 * (`credentialId`) pointing at that server; workflows imported and `publish`ed, then n8n started and
 * logged in unless `start` is false (suites that only run headless CLI executions). Everything is
 * stopped after the file. Getters, because jest runs the setup after the file's tests are declared.
 */
export function useN8nWithBigdd(setup: {
	bigdd?: Parameters<typeof startBigdd>[0];
	line?: '1' | '2';
	credentialId: string;
	credentialName?: string;
	/** The credential's Webhook Signing Secret(s), one per field; a function when they come from endpoints added in BigDD for this n8n. */
	webhookSigningSecret?: string | string[] | ((started: { bigdd: Bigdd; n8n: N8n }) => string[]);
	/** Credentials of other types the workflows use (e.g. the examples' Header Auth); a function when they point at services started for the file. */
	otherCredentials?: OtherCredential[] | (() => OtherCredential[]);
	/** More credentials to the same server, e.g. one without a signing secret. */
	moreCredentials?: { id: string; webhookSigningSecret?: string }[];
	/** The credential's Base URL from the server's; the server's own by default. */
	baseUrl?: (serverUrl: string) => string;
	/** Workflows to import, built from the seeded shop and the server. */
	workflows?: (shop: Shop, bigdd: Bigdd) => unknown[];
	publish?: string[];
	start?: boolean;
	/** More environment for every n8n process, e.g. the proxy to the app stand-ins. */
	env?: () => Record<string, string>;
}) {
	const state: { bigdd?: Bigdd; n8n?: N8n; rest?: Rest } = {};
	beforeAll(async () => {
		const bigdd = (state.bigdd = await startBigdd(setup.bigdd));
		const n8n = (state.n8n = await createN8n({
			tarball: e2eTarball(),
			line: setup.line,
			env: setup.env?.(),
		}));
		await n8n.importCredentials([
			bigddCredential({
				id: setup.credentialId,
				name: setup.credentialName,
				baseUrl: setup.baseUrl ? setup.baseUrl(bigdd.url) : bigdd.url,
				apiToken: bigdd.server.token,
				webhookSigningSecret:
					typeof setup.webhookSigningSecret === 'function'
						? setup.webhookSigningSecret({ bigdd, n8n })
						: setup.webhookSigningSecret,
			}),
			...(setup.moreCredentials ?? []).map((more) =>
				bigddCredential({ ...more, baseUrl: bigdd.url, apiToken: bigdd.server.token }),
			),
			...(typeof setup.otherCredentials === 'function'
				? setup.otherCredentials()
				: (setup.otherCredentials ?? [])),
		]);
		if (setup.workflows)
			await n8n.importWorkflows(setup.workflows(bigdd.server.shop as Shop, bigdd));
		for (const id of setup.publish ?? []) await n8n.publish(id);
		if (setup.start === false) return;
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
		/** The API requests the server received (since its last clear) for `method` and `path` under /public-api/v1. */
		received: (method: string, path: string) =>
			(started('bigdd').requests() as LoggedRequest[]).filter(
				(r) => r.method === method && r.path === `/public-api/v1${path}`,
			),
	};
}
