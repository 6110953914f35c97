// The credential's Test button, as the editor calls it, in a running real n8n.
import { CREDENTIAL_TYPE } from '../../harness/workflows';
import { useN8nWithBigdd } from './fixture';
import { errorBodies, MESSAGES, NOT_BIGDD, TIMES_ASKED } from './scenarios/credentialTest';
import { startOtherJsonServer } from './setup/env';

const CREDENTIAL_ID = 'bigddTestedCred1';

describe('credential test in real n8n', () => {
	const setup = useN8nWithBigdd({
		bigdd: { products: 3, orders: 3, files: 10, licenseKeys: 3 },
		credentialId: CREDENTIAL_ID,
	});

	const test = async (data: Record<string, string>) => {
		const response = await setup.rest()('POST', '/rest/credentials/test', {
			credentials: { id: CREDENTIAL_ID, name: 'BigDD', type: CREDENTIAL_TYPE, data },
		});
		expect(response.status).toBe(200);
		return response.body.data as { status: string; message: string };
	};

	it('succeeds with the right token, and really asked BigDD', async () => {
		setup.bigdd().clear();
		expect(
			await test({ apiToken: setup.bigdd().server.token, baseUrl: setup.bigdd().url }),
		).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(
			setup
				.bigdd()
				.requests()
				.map(
					(r: { method: string; path: string; rawQuery: string }) =>
						`${r.method} ${r.path}?${r.rawQuery}`,
				),
		).toEqual(['GET /public-api/v1/digital-products?limit=1']);
	});

	it('tolerates a trailing slash in the base URL', async () => {
		expect(
			(await test({ apiToken: setup.bigdd().server.token, baseUrl: `${setup.bigdd().url}/` }))
				.status,
		).toBe('OK');
	});

	it('fails with a wrong token, saying so', async () => {
		expect(await test({ apiToken: 'wrong-token', baseUrl: setup.bigdd().url })).toEqual({
			status: 'Error',
			message: MESSAGES[401],
		});
	});

	describe.each([401, 403, 404, 429] as const)('BigDD answers %s', (status) => {
		it.each(errorBodies(status))('with %s: the message for that status', async (_name, body) => {
			setup.bigdd().clear();
			setup.bigdd().server.clearFaults();
			setup.bigdd().server.addFaults({ times: TIMES_ASKED[status], status, ...body });
			expect(
				await test({ apiToken: setup.bigdd().server.token, baseUrl: setup.bigdd().url }),
			).toEqual({ status: 'Error', message: MESSAGES[status] });
			// Every request the Test sent got that status (none got through to a real answer).
			expect(
				setup
					.bigdd()
					.requests()
					.map((r: { status: number }) => r.status),
			).toEqual(Array(TIMES_ASKED[status]).fill(status));
		});
	});

	it('fails with a base URL that is not BigDD, saying so', async () => {
		// A server that answers 200 with JSON that is not BigDD's list envelope.
		const other = await startOtherJsonServer();
		const result = await test({ apiToken: setup.bigdd().server.token, baseUrl: other.url }).finally(
			other.stop,
		);
		expect(result).toEqual({ status: 'Error', message: NOT_BIGDD });
		// n8n's own editor: it answers any path with its page.
		expect(
			await test({
				apiToken: setup.bigdd().server.token,
				baseUrl: `${setup.n8n().baseUrl}/healthz`,
			}),
		).toEqual({ status: 'Error', message: NOT_BIGDD });
	});

	it('fails with a base URL where nothing listens, naming the connection error', async () => {
		expect(
			await test({ apiToken: setup.bigdd().server.token, baseUrl: 'http://127.0.0.1:9' }),
		).toEqual({ status: 'Error', message: 'ECONNREFUSED' });
	});
});
