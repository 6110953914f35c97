// trigger/signingSecretCache.ts: the trigger reads the credential's signing secrets once a minute, not per request.
import { SIGNING_SECRET_REUSE_MS } from '../../../../../nodes/BigDigitalDownloads/trigger/signingSecretCache';
import {
	sign,
	now,
	eventBody,
	freshWorkflowId,
	deliver,
	refusedWith,
} from '../../../../support/trigger-webhook';

describe('the signing secret is read once a minute, not per request', () => {
	it('reuses it within the minute; a changed secret works at once; the old one stops after the minute', async () => {
		jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
		try {
			const workflowId = freshWorkflowId();
			let reads = 0;
			const onCredentialRead = () => reads++;
			for (let i = 0; i < 5; i++)
				await deliver({ workflowId, raw: eventBody(`evt_cache_${i}`), onCredentialRead });
			expect(reads).toBe(1);

			// The user pastes a new secret into the credential: BigDD's next event is signed with it.
			const rotated = 'whsec_rotated';
			const signedNew = (raw: string) => {
				const t = now();
				return { 'x-webhook-timestamp': t, 'x-webhook-signature': sign(rotated, t, raw) };
			};
			const raw = eventBody('evt_rotated');
			expect(
				(
					await deliver({
						workflowId,
						raw,
						secret: rotated,
						headers: signedNew(raw),
						onCredentialRead,
					})
				).result,
			).toHaveProperty('workflowData');
			expect(reads).toBe(2);

			// The old secret no longer matches the fresh read, so a request signed with it is refused.
			await refusedWith(
				{ workflowId, raw: eventBody('evt_old_secret'), secret: rotated, onCredentialRead },
				401,
				'Invalid signature',
			);
			expect(reads).toBe(3);

			jest.advanceTimersByTime(SIGNING_SECRET_REUSE_MS);
			await deliver({
				workflowId,
				raw: eventBody('evt_after_minute'),
				secret: rotated,
				headers: signedNew(eventBody('evt_after_minute')),
				onCredentialRead,
			});
			expect(reads).toBe(4);
		} finally {
			jest.useRealTimers();
		}
	});

	it('an old secret the cache still holds is accepted for at most the stated minute after the credential changed', async () => {
		jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
		try {
			const workflowId = freshWorkflowId();
			await deliver({ workflowId, raw: eventBody('evt_before_change') }); // caches SECRET
			// The credential now holds another secret, but requests still signed with SECRET verify from the cache...
			jest.advanceTimersByTime(SIGNING_SECRET_REUSE_MS - 1000);
			expect(
				(await deliver({ workflowId, raw: eventBody('evt_within'), secret: 'whsec_new' })).result,
			).toHaveProperty('workflowData');
			// ...until the minute is over: then the credential is read again and SECRET is refused.
			jest.advanceTimersByTime(1000);
			await refusedWith(
				{ workflowId, raw: eventBody('evt_after'), secret: 'whsec_new' },
				401,
				'Invalid signature',
			);
		} finally {
			jest.useRealTimers();
		}
	});

	it('forged requests do not poison the cache: each is refused, genuine ones still pass', async () => {
		const workflowId = freshWorkflowId();
		for (let i = 0; i < 3; i++) {
			const raw = eventBody(`evt_f_${i}`);
			const t = now();
			await refusedWith(
				{
					workflowId,
					raw,
					headers: {
						'x-webhook-timestamp': t,
						'x-webhook-signature': sign('whsec_forger', t, raw),
					},
				},
				401,
				'Invalid signature',
			);
			expect((await deliver({ workflowId, raw })).result).toHaveProperty('workflowData');
		}
	});
});
