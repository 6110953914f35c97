import type { IExecuteFunctions } from 'n8n-workflow';
import {
	rateLimitGivingUp,
	withRetries,
} from '../../../../../nodes/BigDigitalDownloads/transport/retry';
import { retryAfterSeconds } from '../../../../../nodes/BigDigitalDownloads/transport/retryAfter';
import { waitsAsked } from '../../../../support/virtual-sleep';

describe('rate limits', () => {
	it('rateLimitGivingUp waits up to 60 s at a time and 300 s in all for one request', () => {
		expect(rateLimitGivingUp(0, 60)).toBeUndefined();
		expect(rateLimitGivingUp(0, 61)).toBe(
			'BigDD asked to wait 61 s, longer than the 60 s this node waits. Run it again later.',
		);
		expect(rateLimitGivingUp(299, 1)).toBeUndefined();
		expect(rateLimitGivingUp(300, 1)).toBe(
			'BigDD kept answering 429 after 300 s of waiting. Run it again later or space out your workflows.',
		);
		expect(rateLimitGivingUp(240, 61)).toContain('longer than the 60 s');
	});

	it('retryAfterSeconds reads seconds, HTTP dates and falls back to 1', () => {
		expect(retryAfterSeconds('7')).toBe(7);
		expect(retryAfterSeconds(['3'])).toBe(3);
		expect(
			retryAfterSeconds('Wed, 01 Jan 2026 00:00:30 GMT', Date.parse('2026-01-01T00:00:00Z')),
		).toBe(30);
		expect(retryAfterSeconds(undefined)).toBe(1);
		expect(retryAfterSeconds('soon')).toBe(1);
	});

	it('retryAfterSeconds reads absurd values as what they can mean: negative is unreadable (1), a past date is now (0)', () => {
		expect(retryAfterSeconds('-5')).toBe(1);
		expect(retryAfterSeconds(-5)).toBe(1);
		expect(
			retryAfterSeconds('Wed, 01 Jan 2020 00:00:00 GMT', Date.parse('2026-01-01T00:00:00Z')),
		).toBe(0);
		expect(retryAfterSeconds('0')).toBe(0);
		expect(retryAfterSeconds('99999999999')).toBe(99999999999);
	});
});

describe('withRetries', () => {
	let credentialsUsed = 0;
	// Each test's requests use a credential of their own: the pace one learned must not carry over.
	const contextWith = (signal?: AbortSignal) => {
		const node = {
			name: 'BigDD',
			credentials: { bigDigitalDownloadsApi: { id: `retry-${++credentialsUsed}`, name: 'BigDD' } },
		};
		return {
			getNode: () => node,
			getExecutionCancelSignal: () => signal,
		} as unknown as IExecuteFunctions;
	};
	const scope = { itemIndex: 0, rules: {} };
	const rateLimited = (retryAfterSeconds: number) => async () => ({
		retryAfterSeconds,
		error: (_attempts: number, givingUp?: string) => new Error(givingUp ?? 'no'),
	});

	it.each([0, 0.2])(
		'a shop that answers 429 forever with Retry-After %s: waits at least 1 s each time and gives up after 300 s, 301 requests',
		async (retryAfter) => {
			let sent = 0;
			const attempt = rateLimited(retryAfter);
			const error = await withRetries(
				contextWith(),
				scope,
				false,
				async () => (sent++, await attempt()),
			).catch((e: Error) => e);
			expect((error as Error).message).toBe(
				'BigDD kept answering 429 after 300 s of waiting. Run it again later or space out your workflows.',
			);
			expect(sent).toBe(301);
			expect(waitsAsked()).toEqual(Array(300).fill(1000));
		},
	);

	it('a Retry-After longer than a minute is not waited for at all', async () => {
		const error = await withRetries(contextWith(), scope, false, rateLimited(99999999999)).catch(
			(e: Error) => e,
		);
		expect((error as Error).message).toBe(
			'BigDD asked to wait 99999999999 s, longer than the 60 s this node waits. Run it again later.',
		);
		expect(waitsAsked()).toEqual([]);
	});

	it('a cancelled execution stops waiting at once, with an error, and sends nothing more', async () => {
		const sleep = (jest.requireMock('n8n-workflow') as { sleep: jest.Mock }).sleep;
		sleep.mockImplementationOnce(async () => await new Promise(() => {})); // a wait that would never end by itself
		const controller = new AbortController();
		let sent = 0;
		const waiting = withRetries(
			contextWith(controller.signal),
			scope,
			false,
			async () => (sent++, await rateLimited(30)()),
		);
		await Promise.resolve();
		controller.abort();
		await expect(waiting).rejects.toThrow('Execution was cancelled while waiting to retry');
		expect(sent).toBe(1);
	});
});
