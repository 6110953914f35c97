// Large runs under a shop's rate limit, on the virtual clock (test/support/virtual-sleep.ts): every
// request of withRetries goes through its lane's pace. The shop is simulated here, in three shapes
// BigDD's reference leaves open (a sliding window, a window per calendar second, a token bucket with a
// burst), so the pace cannot depend on how our local server happens to count.
import type { IExecuteFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import {
	MAX_IN_FLIGHT,
	START_IN_FLIGHT,
} from '../../../../../nodes/BigDigitalDownloads/transport/pacer';
import { withRetries } from '../../../../../nodes/BigDigitalDownloads/transport/retry';
import { virtualNow, waitsAsked } from '../../../../support/virtual-sleep';

/** Decides, at the moment a request reaches the shop, whether it is accepted. */
type Limiter = (now: number) => boolean;

function slidingWindow(perSecond: number): Limiter {
	let accepted: number[] = [];
	return (now) => {
		accepted = accepted.filter((t) => now - t < 1000);
		if (accepted.length >= perSecond) return false;
		accepted.push(now);
		return true;
	};
}

function windowPerSecond(perSecond: number): Limiter {
	let second = -1;
	let count = 0;
	return (now) => {
		if (Math.floor(now / 1000) !== second) [second, count] = [Math.floor(now / 1000), 0];
		return ++count <= perSecond;
	};
}

function tokenBucket(perSecond: number, burst: number): Limiter {
	let tokens = burst;
	let at: number | undefined;
	return (now) => {
		tokens = Math.min(burst, tokens + ((now - (at ?? now)) * perSecond) / 1000);
		at = now;
		if (tokens < 1) return false;
		tokens--;
		return true;
	};
}

/** A simulated shop: 10 ms each way, a limiter, and what it saw. */
function shop(limiter: Limiter, { retryAfter = 1 as number | undefined } = {}) {
	const seen = { requests: 0, refused: 0, inFlight: 0, mostInFlight: 0 };
	const attempt = async () => {
		seen.inFlight++;
		seen.mostInFlight = Math.max(seen.mostInFlight, seen.inFlight);
		seen.requests++;
		await sleep(10);
		const accepted = limiter(Date.now());
		await sleep(10);
		seen.inFlight--;
		if (accepted) return { done: 'answered' };
		seen.refused++;
		return {
			retryAfterSeconds: retryAfter,
			error: (_attempts: number, givingUp?: string) => new Error(givingUp ?? 'refused'),
		};
	};
	return { seen, attempt };
}

let credentialsUsed = 0;
/** A node's context; nodes given the same credential id share their lane, as in one n8n process. */
function contextFor(credentialId = `pacer-${++credentialsUsed}`, signal?: AbortSignal) {
	const node = {
		name: 'BigDD',
		credentials: { bigDigitalDownloadsApi: { id: credentialId, name: 'BigDD' } },
	};
	return {
		getNode: () => node,
		getExecutionCancelSignal: () => signal,
	} as unknown as IExecuteFunctions;
}

/** Sends `items` requests at once, as n8n's routing does for a one-record operation; what each came to. */
async function run(
	context: IExecuteFunctions,
	items: number,
	attempt: ReturnType<typeof shop>['attempt'],
) {
	return await Promise.all(
		Array.from({ length: items }, async (_, itemIndex) => {
			try {
				return await withRetries(context, { itemIndex, rules: {} }, false, attempt);
			} catch (error) {
				return error as Error;
			}
		}),
	);
}

describe('a large run goes at the pace the shop accepts (virtual clock)', () => {
	it.each([
		['a sliding window', () => slidingWindow(10)],
		['a window per calendar second', () => windowPerSecond(10)],
	])(
		'2,000 items against %s of 10 requests/s: all answered, at most 1.2 requests per item, within 1.2x the floor',
		async (_shape, limiter) => {
			const { seen, attempt } = shop(limiter());
			const started = virtualNow();
			const results = await run(contextFor(), 2000, attempt);
			const seconds = (virtualNow() - started) / 1000;
			expect(results.filter((r) => r !== 'answered')).toEqual([]);
			expect(seen.requests / 2000).toBeLessThanOrEqual(1.2);
			expect(seconds / (2000 / 10)).toBeLessThanOrEqual(1.2);
			expect(seen.mostInFlight).toBeLessThanOrEqual(MAX_IN_FLIGHT);
		},
	);

	it('two workflows of 1,000 items at once on one credential share the pace: 2,000 answered, at most 1.2 requests per item, within 1.2x the floor', async () => {
		const { seen, attempt } = shop(slidingWindow(10));
		const started = virtualNow();
		const [first, second] = await Promise.all([
			run(contextFor('shared'), 1000, attempt),
			run(contextFor('shared'), 1000, attempt),
		]);
		expect([...first, ...second].filter((r) => r !== 'answered')).toEqual([]);
		expect(seen.requests / 2000).toBeLessThanOrEqual(1.2);
		expect((virtualNow() - started) / 1000 / 200).toBeLessThanOrEqual(1.2);
	});

	it('a token bucket whose burst first overstates the rate (30 at once, then 10/s): the pace comes down to it, 2,000 answered, at most 1.2 requests per item', async () => {
		const { seen, attempt } = shop(tokenBucket(10, 30));
		const started = virtualNow();
		const results = await run(contextFor(), 2000, attempt);
		expect(results.filter((r) => r !== 'answered')).toEqual([]);
		expect(seen.requests / 2000).toBeLessThanOrEqual(1.2);
		expect((virtualNow() - started) / 1000 / ((2000 - 30) / 10)).toBeLessThanOrEqual(1.2);
	});

	it.each([1, 300, 10_000])(
		'a shop without a limit, %i items: never waited for, in flight growing from 10 to at most 100, one request per item',
		async (items) => {
			const { seen, attempt } = shop(() => true);
			const started = virtualNow();
			const results = await run(contextFor(), items, attempt);
			expect(results.filter((r) => r !== 'answered')).toEqual([]);
			expect(seen.requests).toBe(items);
			expect(seen.mostInFlight).toBe(Math.min(items, MAX_IN_FLIGHT));
			expect(waitsAsked().filter((ms) => ms !== 10)).toEqual([]);
			// 20 ms a request: 10, 20, 40, 80 at once, then 100 per round trip.
			if (items === 300) expect(virtualNow() - started).toBeLessThanOrEqual(7 * 20);
		},
	);

	it('the first burst is bounded: before the first 429 at most 10 more than BigDD accepted are in flight, and a 429 halves what is let in', async () => {
		const { seen, attempt } = shop(slidingWindow(30));
		const results = await run(contextFor(), 300, attempt);
		expect(results.filter((r) => r !== 'answered')).toEqual([]);
		// 30 accepted in the first second let 30 more in: at most 10 + 30 refused in that burst, and few after it.
		expect(seen.refused).toBeLessThanOrEqual(START_IN_FLIGHT + 30 + 10);
		expect(seen.requests / 300).toBeLessThanOrEqual(1.2);
	});

	it('a pace learned on one credential never slows another: a shop of 10/s on one, none on the other, at once', async () => {
		const limited = shop(slidingWindow(10));
		const free = shop(() => true);
		const started = virtualNow();
		const [slow, fast] = await Promise.all([
			run(contextFor('limited'), 200, limited.attempt),
			(async () => {
				await sleep(3_000); // the limited credential has learned its pace by now
				const at = virtualNow();
				const answers = await run(contextFor('free'), 300, free.attempt);
				return { answers, ms: virtualNow() - at };
			})(),
		]);
		expect(slow.filter((r) => r !== 'answered')).toEqual([]);
		expect(fast.answers.filter((r) => r !== 'answered')).toEqual([]);
		expect(fast.ms).toBeLessThanOrEqual(7 * 20);
		expect(free.seen.refused).toBe(0);
		expect((virtualNow() - started) / 1000 / 20).toBeLessThanOrEqual(1.2);
	});

	it('a shop that answers 429 forever: the first 10 give up after 300 s, the rest are not sent at all; after a quiet minute the lane tries again', async () => {
		const refusing = shop(() => false, { retryAfter: undefined });
		const context = contextFor();
		const started = virtualNow();
		const results = (await run(context, 2000, refusing.attempt)) as Error[];
		const messages = results.map((r) => r.message);
		// Each of the first 10 counts from its own first 429, at the lane's slowest pace (1 request/s shared).
		expect(
			messages.filter((m) => /^BigDD kept answering 429 after 3[01]\d s of waiting/.test(m)),
		).toHaveLength(START_IN_FLIGHT);
		expect(
			messages.filter(
				(m) => m === 'Not sent: BigDD is refusing every request with 429 (rate limit)',
			),
		).toHaveLength(2000 - START_IN_FLIGHT);
		expect(refusing.seen.requests).toBeLessThanOrEqual(START_IN_FLIGHT + 320);
		expect((virtualNow() - started) / 1000).toBeLessThan(320);

		await sleep(61_000);
		const recovered = shop(() => true);
		expect(await run(context, 3, recovered.attempt)).toEqual(['answered', 'answered', 'answered']);
	});

	it('items waiting for their place stop at once, sending nothing, when the execution is cancelled', async () => {
		const controller = new AbortController();
		const { seen, attempt } = shop(slidingWindow(10));
		const running = run(contextFor(undefined, controller.signal), 500, attempt);
		await sleep(3_000);
		controller.abort();
		const results = await running;
		const cancelled = results.filter(
			(r) => r instanceof Error && r.message === 'Execution was cancelled while waiting to retry',
		);
		expect(results.filter((r) => r === 'answered').length + cancelled.length).toBe(500);
		expect(cancelled.length).toBeGreaterThan(400);
		expect(seen.requests).toBeLessThan(60);
	});

	it('a 429 while a list is read page by page (the lane not busy) pauses it but does not slow it down afterwards', async () => {
		let refuseNext = true;
		const context = contextFor();
		const attempt = async () => {
			await sleep(10);
			if (refuseNext)
				return ((refuseNext = false), { retryAfterSeconds: 1, error: () => new Error('refused') });
			return { done: 'page' };
		};
		for (let page = 0; page < 5; page++)
			await withRetries(context, { itemIndex: 0, rules: {} }, true, attempt);
		expect(waitsAsked().filter((ms) => ms !== 10)).toEqual([1000]);
	});

	it('uploads have their own lane: a 429 on an upload (6 per minute) pauses the next upload, not the other requests of the credential', async () => {
		const context = contextFor();
		const started = virtualNow();
		let uploadRefused = false;
		const upload = async () => {
			if (uploadRefused) return { done: 'uploaded' };
			uploadRefused = true;
			return { retryAfterSeconds: 40, error: () => new Error('refused') };
		};
		const uploading = withRetries(
			context,
			{ itemIndex: 0, rules: { separateRateLimit: 'uploads' } },
			false,
			upload,
		);
		// Meanwhile a read on the same credential goes at once.
		const { attempt } = shop(() => true);
		expect(await withRetries(context, { itemIndex: 1, rules: {} }, true, attempt)).toBe('answered');
		expect(virtualNow() - started).toBeLessThan(1_000);
		expect(await uploading).toBe('uploaded');
		expect(virtualNow() - started).toBeGreaterThanOrEqual(40_000);
		expect(waitsAsked().filter((ms) => ms !== 10)).toEqual([40_000]);
	});
});
