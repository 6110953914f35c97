import {
	BigDigitalDownloadsApi,
	SIGNING_SECRET_FIELDS,
} from '../../../credentials/BigDigitalDownloadsApi.credentials';

// n8n calls authenticate() on every request sent with this credential: the nodes send paths only.
describe('BigDigitalDownloadsApi.authenticate', () => {
	const credential = new BigDigitalDownloadsApi();
	const authenticate = async (data: Record<string, string>, request: Record<string, unknown>) =>
		await credential.authenticate(data, { url: '/orders', ...request });

	it('adds the token and the API root of the Base URL, keeping the request and its headers', async () => {
		const request = await authenticate(
			{ apiToken: 'tok_123', baseUrl: 'http://127.0.0.1:4010' },
			{ method: 'POST', headers: { 'Idempotency-Key': 'k1' }, body: { a: 1 } },
		);
		expect(request).toEqual({
			url: '/orders',
			method: 'POST',
			body: { a: 1 },
			baseURL: 'http://127.0.0.1:4010/public-api/v1',
			headers: { 'Idempotency-Key': 'k1', Authorization: 'Bearer tok_123' },
		});
	});

	it.each([
		[
			'a trailing slash',
			'https://staging.example.com/',
			'https://staging.example.com/public-api/v1',
		],
		[
			'several trailing slashes',
			'https://staging.example.com///',
			'https://staging.example.com/public-api/v1',
		],
		['nothing (the default)', '', 'https://islandcloud.co/public-api/v1'],
	])('tolerates %s in the Base URL', async (_, baseUrl, root) => {
		expect((await authenticate({ apiToken: 't', baseUrl }, {})).baseURL).toBe(root);
	});

	it('keeps a base URL the request already names', async () => {
		expect(
			(
				await authenticate(
					{ apiToken: 't', baseUrl: 'http://127.0.0.1:4010' },
					{ baseURL: 'https://elsewhere.example.com' },
				)
			).baseURL,
		).toBe('https://elsewhere.example.com');
	});

	it('does not change the request it was given (n8n may send it again after a 429)', async () => {
		const request = { url: '/orders', headers: { Accept: 'application/json' } };
		await credential.authenticate({ apiToken: 't', baseUrl: '' }, request);
		expect(request).toEqual({ url: '/orders', headers: { Accept: 'application/json' } });
	});
});

describe('the signing secret fields', () => {
	const properties = new BigDigitalDownloadsApi().properties;
	const fields = SIGNING_SECRET_FIELDS.map((name) => properties.find((p) => p.name === name));

	it('are five secret fields, the first named as in 0.1.0 so saved credentials keep their secret', () => {
		expect(SIGNING_SECRET_FIELDS).toHaveLength(5);
		expect(SIGNING_SECRET_FIELDS[0]).toBe('webhookSigningSecret');
		expect(fields.map((f) => [f?.displayName, f?.typeOptions?.password])).toEqual(
			SIGNING_SECRET_FIELDS.map((_, i) => [
				i === 0 ? 'Webhook Signing Secret' : `Webhook Signing Secret ${i + 1}`,
				true,
			]),
		);
	});

	it('are always shown: n8n drops the value of a hidden credential field when saving', () => {
		expect(fields.map((field) => field?.displayOptions)).toEqual(fields.map(() => undefined));
	});
});
