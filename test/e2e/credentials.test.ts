// The credential's Test button, as the editor calls it, in a running real n8n.
import { startBigdd } from '../harness/bigdd';
import { createN8n } from '../harness/n8n';
import { bigddCredential, CREDENTIAL_TYPE } from '../harness/workflows';
import { e2eTarball } from '../harness/e2e-env';

type Bigdd = Awaited<ReturnType<typeof startBigdd>>;
type N8n = Awaited<ReturnType<typeof createN8n>>;

const CREDENTIAL_ID = 'bigddTestedCred1';

describe('credential test in real n8n', () => {
	let bigdd: Bigdd;
	let n8n: N8n;
	let rest: Awaited<ReturnType<N8n['login']>>;

	beforeAll(async () => {
		bigdd = await startBigdd({ products: 3, orders: 3, files: 10, licenseKeys: 3 });
		n8n = await createN8n({ tarball: e2eTarball() });
		await n8n.importCredentials([bigddCredential({ id: CREDENTIAL_ID, baseUrl: bigdd.url, apiToken: bigdd.server.token })]);
		await n8n.start();
		rest = await n8n.login();
	});

	afterAll(async () => {
		await n8n?.dispose();
		await bigdd?.server.stop();
	});

	const test = async (data: Record<string, string>) => {
		const response = await rest('POST', '/rest/credentials/test', {
			credentials: { id: CREDENTIAL_ID, name: 'BigDD', type: CREDENTIAL_TYPE, data },
		});
		expect(response.status).toBe(200);
		return response.body.data as { status: string; message: string };
	};

	it('succeeds with the right token, and really asked BigDD', async () => {
		bigdd.clear();
		expect(await test({ apiToken: bigdd.server.token, baseUrl: bigdd.url })).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(bigdd.requests().map((r: { method: string; path: string; rawQuery: string }) => `${r.method} ${r.path}?${r.rawQuery}`)).toEqual([
			'GET /public-api/v1/digital-products?limit=1',
		]);
	});

	it('tolerates a trailing slash in the base URL', async () => {
		expect((await test({ apiToken: bigdd.server.token, baseUrl: `${bigdd.url}/` })).status).toBe('OK');
	});

	it('fails with a wrong token, saying so', async () => {
		expect(await test({ apiToken: 'wrong-token', baseUrl: bigdd.url })).toEqual({
			status: 'Error',
			message: 'The API token was refused. Copy a valid token from Settings > Public API.',
		});
	});

	it('fails with a base URL that is not BigDD', async () => {
		// n8n's own health endpoint answers 200 with JSON, but not BigDD's envelope.
		const result = await test({ apiToken: bigdd.server.token, baseUrl: `${n8n.baseUrl}/healthz` });
		expect(result.status).toBe('Error');
	});

	it('fails with a base URL where nothing listens', async () => {
		expect((await test({ apiToken: bigdd.server.token, baseUrl: 'http://127.0.0.1:9' })).status).toBe('Error');
	});
});
