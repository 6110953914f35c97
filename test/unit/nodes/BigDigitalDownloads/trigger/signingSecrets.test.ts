// trigger/signingSecrets.ts: publishing without a signing secret, and one credential for a shop with a secret
// per BigDD endpoint.
import { BigDigitalDownloadsTrigger } from '../../../../../nodes/BigDigitalDownloads/BigDigitalDownloadsTrigger.node';
import { SIGNING_SECRET_REUSE_MS } from '../../../../../nodes/BigDigitalDownloads/trigger/signingSecretCache';
import {
	SECRET,
	sign,
	now,
	eventBody,
	freshWorkflowId,
	deliver,
	refusedWith,
} from '../../../../support/trigger-webhook';

describe('publishing without a signing secret', () => {
	it('fails with a message that says exactly that', async () => {
		const hooks = new BigDigitalDownloadsTrigger().webhookMethods.default;
		const context = {
			getCredentials: async () => ({ webhookSigningSecret: '' }),
			getNode: () => ({ name: 'Trigger' }),
		};
		// BigDD cannot be asked whether the endpoint exists, so n8n always goes on to create(), which checks.
		await expect(hooks.checkExists.call(context as never)).resolves.toBe(false);
		await expect(hooks.create.call(context as never)).rejects.toThrow(
			'The Big Digital Downloads credential has no Webhook Signing Secret',
		);
		const ok = {
			getCredentials: async () => ({ webhookSigningSecret: SECRET }),
			getNode: () => ({ name: 'Trigger' }),
		};
		await expect(hooks.create.call(ok as never)).resolves.toBe(true);
	});
});

describe('one credential for a shop: a signing secret per BigDD endpoint', () => {
	const ENDPOINTS = ['whsec_endpoint_sales', 'whsec_endpoint_downloads', 'whsec_endpoint_crm'];
	/** The credential with one endpoint's secret per field, as a merchant fills it. */
	const FIELDS = {
		secret: ENDPOINTS[0],
		fields: { webhookSigningSecret2: ENDPOINTS[1], webhookSigningSecret3: ENDPOINTS[2] },
	};
	const signedWith = (secret: string, id: string) => {
		const raw = eventBody(id);
		const timestamp = now();
		return {
			raw,
			headers: {
				'x-webhook-timestamp': timestamp,
				'x-webhook-signature': sign(secret, timestamp, raw),
			},
		};
	};
	const publishing = async (credential: Record<string, string>) => {
		const hooks = new BigDigitalDownloadsTrigger().webhookMethods.default;
		return await hooks.create
			.call({
				getCredentials: async () => credential,
				getNode: () => ({ name: 'Trigger' }),
			} as never)
			.catch((e: Error) => e);
	};

	it.each([
		['one per field', FIELDS],
		['several in one field, separated by commas', { secret: ENDPOINTS.join(',') }],
		['several in one field, on lines', { secret: `\n${ENDPOINTS.join('\n')}\n` }],
		[
			'fields with gaps',
			{
				secret: '',
				fields: {
					webhookSigningSecret2: ENDPOINTS[0],
					webhookSigningSecret4: ENDPOINTS[1],
					webhookSigningSecret5: ENDPOINTS[2],
				},
			},
		],
	])(
		'secrets %s: a request signed with any of them starts the workflow, 100 events in turn',
		async (_name, credential) => {
			const workflowId = freshWorkflowId();
			for (let i = 0; i < 100; i++) {
				const { result } = await deliver({
					...signedWith(ENDPOINTS[i % 3], `evt_multi_${i}`),
					...credential,
					workflowId,
				});
				expect(result).toHaveProperty('workflowData');
			}
		},
	);

	it("a request signed with a secret that is not in the credential is refused, whichever endpoint's it imitates", async () => {
		await refusedWith(
			{ ...signedWith('whsec_endpoint_deleted', 'evt_x'), ...FIELDS },
			401,
			'Invalid signature',
		);
		// A list of secrets or a secret's prefix as the HMAC key is no secret.
		await refusedWith(
			{ ...signedWith(ENDPOINTS.join(','), 'evt_y'), ...FIELDS },
			401,
			'Invalid signature',
		);
		await refusedWith(
			{ ...signedWith('whsec_endpoint', 'evt_z'), ...FIELDS },
			401,
			'Invalid signature',
		);
	});

	it('rotation: while the old and the new secret are both in the credential both work; the old one is refused at most a minute after it was removed', async () => {
		jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
		try {
			const workflowId = freshWorkflowId();
			const both = { secret: 'whsec_old', fields: { webhookSigningSecret2: 'whsec_new' } };
			expect(
				(await deliver({ ...signedWith('whsec_old', 'evt_r1'), ...both, workflowId })).result,
			).toHaveProperty('workflowData');
			expect(
				(await deliver({ ...signedWith('whsec_new', 'evt_r2'), ...both, workflowId })).result,
			).toHaveProperty('workflowData');
			// The old secret is cleared from its field; what was read less than a minute ago still holds it.
			const newOnly = { secret: '', fields: { webhookSigningSecret2: 'whsec_new' } };
			jest.advanceTimersByTime(SIGNING_SECRET_REUSE_MS);
			await refusedWith(
				{ ...signedWith('whsec_old', 'evt_r3'), ...newOnly, workflowId },
				401,
				'Invalid signature',
			);
			expect(
				(await deliver({ ...signedWith('whsec_new', 'evt_r4'), ...newOnly, workflowId })).result,
			).toHaveProperty('workflowData');
			expect(
				await publishing({ webhookSigningSecret: '', webhookSigningSecret2: 'whsec_new' }),
			).toBe(true);
		} finally {
			jest.useRealTimers();
		}
	});

	it.each([
		[
			'no secret in any field',
			{ webhookSigningSecret: '', webhookSigningSecret2: ' ' },
			'The Big Digital Downloads credential has no Webhook Signing Secret',
		],
		[
			'only separators',
			{ webhookSigningSecret: ' , \n' },
			'The Big Digital Downloads credential has no Webhook Signing Secret',
		],
		[
			"a secret that is not BigDD's",
			{ webhookSigningSecret: 'whsec_endpoint_sales', webhookSigningSecret2: 'sk_live_1234' },
			'Webhook Signing Secret 2 of the Big Digital Downloads credential does not start with whsec_',
		],
		[
			'a secret in two fields',
			{
				webhookSigningSecret: 'whsec_a1',
				webhookSigningSecret2: 'whsec_b2',
				webhookSigningSecret3: 'whsec_a1',
			},
			'Webhook Signing Secret 3 of the Big Digital Downloads credential repeats a secret already in the credential',
		],
		[
			'21 secrets',
			{ webhookSigningSecret: Array.from({ length: 21 }, (_, i) => `whsec_s${i}`).join(',') },
			'The Big Digital Downloads credential holds 21 Webhook Signing Secrets; at most 20 are accepted',
		],
	])(
		'%s: publishing is refused saying what is wrong (never the secret), and every request is refused',
		async (_name, credential: Record<string, string>, message) => {
			const error = await publishing(credential);
			expect(error).toBeInstanceOf(Error);
			expect((error as Error).message).toBe(message);
			expect((error as Error).message).not.toMatch(/sk_live|whsec_a1|whsec_s/);
			// Signed with a secret that is in the (invalid) credential: still refused, the trigger stays closed.
			const { webhookSigningSecret: secret, ...fields } = credential;
			const first =
				Object.values(credential)
					.join(',')
					.split(/[\s,]+/)
					.find(Boolean) ?? 'whsec_any';
			await refusedWith(
				{ ...signedWith(first, 'evt_closed'), secret, fields },
				401,
				'Invalid signature',
			);
		},
	);

	it('all five fields filled: accepted, and the fifth works', async () => {
		const fields = Object.fromEntries(
			Array.from({ length: 4 }, (_, i) => [`webhookSigningSecret${i + 2}`, `whsec_s${i + 2}`]),
		);
		expect(await publishing({ webhookSigningSecret: 'whsec_s1', ...fields })).toBe(true);
		expect(
			(await deliver({ ...signedWith('whsec_s5', 'evt_last'), secret: 'whsec_s1', fields })).result,
		).toHaveProperty('workflowData');
	});
});
