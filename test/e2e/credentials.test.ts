// The credential's Test button, as the editor calls it, in a running real n8n.
import { CREDENTIAL_TYPE } from '../../harness/workflows';
import { useN8nWithBigdd } from './fixture';

const CREDENTIAL_ID = 'bigddTestedCred1';

describe('credential test in real n8n', () => {
	const setup = useN8nWithBigdd({ bigdd: { products: 3, orders: 3, files: 10, licenseKeys: 3 }, credentialId: CREDENTIAL_ID });

	const test = async (data: Record<string, string>) => {
		const response = await setup.rest()('POST', '/rest/credentials/test', {
			credentials: { id: CREDENTIAL_ID, name: 'BigDD', type: CREDENTIAL_TYPE, data },
		});
		expect(response.status).toBe(200);
		return response.body.data as { status: string; message: string };
	};

	it('succeeds with the right token, and really asked BigDD', async () => {
		setup.bigdd().clear();
		expect(await test({ apiToken: setup.bigdd().server.token, baseUrl: setup.bigdd().url })).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(setup.bigdd().requests().map((r: { method: string; path: string; rawQuery: string }) => `${r.method} ${r.path}?${r.rawQuery}`)).toEqual([
			'GET /public-api/v1/digital-products?limit=1',
		]);
	});

	it('tolerates a trailing slash in the base URL', async () => {
		expect((await test({ apiToken: setup.bigdd().server.token, baseUrl: `${setup.bigdd().url}/` })).status).toBe('OK');
	});

	it('fails with a wrong token, saying so', async () => {
		expect(await test({ apiToken: 'wrong-token', baseUrl: setup.bigdd().url })).toEqual({
			status: 'Error',
			message: 'The API token was refused. Copy a valid token from Settings > Public API.',
		});
	});

	it('fails with a base URL that is not BigDD, saying so', async () => {
		// n8n's own health endpoint: a 404 page below it, not BigDD's envelope.
		expect(await test({ apiToken: setup.bigdd().server.token, baseUrl: `${setup.n8n().baseUrl}/healthz` })).toEqual({
			status: 'Error',
			message: 'The Base URL answered, but not like the BigDD API. Check the Base URL (https://islandcloud.co unless you run a local server) and the API token.',
		});
	});

	it('fails for an inactive shop or a plan below Growth, saying so', async () => {
		setup.bigdd().server.addFaults({ times: 1, status: 403, body: { error: { status: 403, code: 'forbidden', message: 'Shop is inactive' } } });
		expect(await test({ apiToken: setup.bigdd().server.token, baseUrl: setup.bigdd().url })).toEqual({
			status: 'Error',
			message: 'The shop is inactive or its plan is below Growth, which the Public API needs.',
		});
	});

	it('fails with a base URL where nothing listens', async () => {
		expect((await test({ apiToken: setup.bigdd().server.token, baseUrl: 'http://127.0.0.1:9' })).status).toBe('Error');
	});
});
