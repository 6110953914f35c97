import { NodeOperationError, sleep } from 'n8n-workflow';
import { whenAborted } from './cancellation';
import { laneOf, type Lane } from './pacer';
import type { RequestContext, RequestScope } from './types';

/** How long one request may take before it counts as unanswered. */
export const REQUEST_TIMEOUT_MS = 60_000;
/** Longest Retry-After we wait for before giving up with an error, in seconds. */
const MAX_RETRY_AFTER_SECONDS = 60;
/**
 * Shortest wait after a 429, in seconds, whatever Retry-After says (0, a date in the past): a shop that
 * keeps answering 429 is not asked again in a tight loop, and the time budget below always runs out.
 */
const MIN_RATE_LIMIT_WAIT_SECONDS = 1;
/**
 * How long a request may go on being refused with 429, from its first 429, in seconds; waiting for
 * its turn before that does not count, so no item fails because a long run went at the shop's pace.
 */
const MAX_RATE_LIMIT_WAIT_SECONDS = 300;
/** Waits before the retries of a request that may be repeated safely (a read, or a write with an Idempotency-Key). */
const TRANSIENT_RETRY_DELAYS_MS = [500, 1_000, 2_000];

/**
 * The rule for giving up on a 429: why the node stops when it has waited `waitedSeconds` for this
 * request and BigDD now asks for `wait` more, or undefined to wait and send the same request again.
 */
export function rateLimitGivingUp(waitedSeconds: number, wait: number): string | undefined {
	if (wait > MAX_RETRY_AFTER_SECONDS)
		return `BigDD asked to wait ${wait} s, longer than the ${MAX_RETRY_AFTER_SECONDS} s this node waits. Run it again later.`;
	if (waitedSeconds + wait > MAX_RATE_LIMIT_WAIT_SECONDS) {
		return `BigDD kept answering 429 after ${Math.round(waitedSeconds)} s of waiting. Run it again later or space out your workflows.`;
	}
	return undefined;
}

/** The error of a request stopped while it waited: its execution was cancelled, or another item failed. */
function cancelledError(context: RequestContext, scope: RequestScope): Error {
	if (scope.stop?.aborted) {
		return new NodeOperationError(context.getNode(), 'Not sent: another item failed first', {
			itemIndex: scope.itemIndex,
		});
	}
	return new NodeOperationError(
		context.getNode(),
		'Execution was cancelled while waiting to retry',
		{ itemIndex: scope.itemIndex },
	);
}

/** What stops a waiting request: its execution's cancellation (an editor list and a poll have none) and the scope's stop. */
function stopSignalOf(context: RequestContext, scope: RequestScope): AbortSignal | undefined {
	const cancelled =
		'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
	const signals = [cancelled, scope.stop].filter((signal) => signal !== undefined);
	return signals.length > 1 ? AbortSignal.any(signals) : signals[0];
}

/** Waits `ms`; stops at once, with an error, when the execution is cancelled (or the scope stopped) meanwhile. */
async function pause(context: RequestContext, ms: number, scope: RequestScope): Promise<void> {
	const signal = stopSignalOf(context, scope);
	if (signal?.aborted) throw cancelledError(context, scope);
	if (!signal) return await sleep(ms);
	let stopListening = () => {};
	const aborted = new Promise<'aborted'>(
		(resolve) => (stopListening = whenAborted(signal, () => resolve('aborted'))),
	);
	try {
		if ((await Promise.race([sleep(ms), aborted])) === 'aborted')
			throw cancelledError(context, scope);
	} finally {
		stopListening();
	}
}

/**
 * Waits for the request's turn in its lane: its slot at the lane's pace, after any 429 pause. A pause
 * that began while it waited for its slot is waited out too (a few times at most, then it goes).
 */
async function waitForTurn(
	context: RequestContext,
	lane: Lane,
	scope: RequestScope,
): Promise<void> {
	let delay = lane.delayBeforeSending(Date.now());
	for (let check = 0; check < 5 && delay > 0; check++) {
		await pause(context, delay, scope);
		delay = lane.pausedAt(Date.now()) ? lane.delayBeforeSending(Date.now()) : 0;
	}
}

/** What one attempt of a request came to. */
type Attempt<T> =
	| { done: T }
	| {
			/** BigDD answered 429 and asked to wait this long: it did not act, so sending again is safe. */
			retryAfterSeconds?: number;
			/** A failure that says nothing about BigDD having acted (5xx, no answer, a cut-off body). */
			transient?: boolean;
			/** The error to throw when the policy stops here; `givingUp` says why it stopped waiting out 429s. */
			error: (attempts: number, givingUp?: string) => Promise<Error> | Error;
	  };

/**
 * The one retry policy of every request the node sends, whoever sends it (the node's own requests
 * and n8n's routing), paced by the request's lane (pacer.ts): a 429 pauses the lane for its
 * Retry-After (at least MIN_RATE_LIMIT_WAIT_SECONDS, up to MAX_RETRY_AFTER_SECONDS) and the request
 * is sent again, for up to MAX_RATE_LIMIT_WAIT_SECONDS after its first 429; with `safeToRepeat`
 * (reads, writes carrying an Idempotency-Key) a transient failure is retried after
 * TRANSIENT_RETRY_DELAYS_MS; other writes are never repeated blindly. A request whose lane has had
 * nothing but 429s for MAX_RATE_LIMIT_WAIT_SECONDS is not sent at all.
 */
export async function withRetries<T>(
	context: RequestContext,
	scope: RequestScope,
	safeToRepeat: boolean,
	attempt: () => Promise<Attempt<T>>,
): Promise<T> {
	const lane = laneOf(context.getNode(), scope.rules.separateRateLimit);
	await lane.enter(stopSignalOf(context, scope), () => cancelledError(context, scope));
	try {
		let attempts = 0;
		let transientRetries = 0;
		let firstRateLimitedAt: number | undefined;
		for (;;) {
			const stalledMs = lane.stalledFor(Date.now());
			if (attempts === 0 && stalledMs >= MAX_RATE_LIMIT_WAIT_SECONDS * 1000) {
				throw new NodeOperationError(
					context.getNode(),
					'Not sent: BigDD is refusing every request with 429 (rate limit)',
					{
						itemIndex: scope.itemIndex,
						description: `BigDD has answered nothing but 429 to this credential for ${Math.round(stalledMs / 1000)} s. Run it again later or space out your workflows.`,
					},
				);
			}
			await waitForTurn(context, lane, scope);
			const sentAt = Date.now();
			const outcome = await attempt();
			attempts++;
			const answeredAt = Date.now();
			if (!('done' in outcome) && outcome.retryAfterSeconds !== undefined) {
				const wait = Math.max(MIN_RATE_LIMIT_WAIT_SECONDS, outcome.retryAfterSeconds);
				firstRateLimitedAt ??= sentAt;
				const givingUp = rateLimitGivingUp((answeredAt - firstRateLimitedAt) / 1000, wait);
				if (givingUp) throw await outcome.error(attempts, givingUp);
				lane.rateLimited(sentAt, answeredAt, wait * 1000);
				continue;
			}
			lane.answered(answeredAt);
			if ('done' in outcome) return outcome.done;
			if (
				safeToRepeat &&
				outcome.transient &&
				transientRetries < TRANSIENT_RETRY_DELAYS_MS.length
			) {
				await pause(context, TRANSIENT_RETRY_DELAYS_MS[transientRetries++], scope);
				continue;
			}
			throw await outcome.error(attempts);
		}
	} finally {
		lane.leave();
	}
}
