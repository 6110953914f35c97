import { NodeOperationError, sleep, type IExecuteFunctions, type IExecuteSingleFunctions, type ILoadOptionsFunctions } from 'n8n-workflow';
import type { RequestScope } from './errors';

/** Where requests are sent from: a node run, one item of a declarative operation, or an editor list. */
export type RequestContext = IExecuteFunctions | IExecuteSingleFunctions | ILoadOptionsFunctions;

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
 * How long one request may wait out 429s in all, in seconds. A budget of time rather than a count of
 * tries: 500 items sent at once against a 10 requests/s limit need 50 one-second waits for the last.
 */
const MAX_RATE_LIMIT_WAIT_SECONDS = 300;
/** Waits before the retries of a request that may be repeated safely (a read, or a write with an Idempotency-Key). */
const TRANSIENT_RETRY_DELAYS_MS = [500, 1_000, 2_000];

/** Seconds to wait from a Retry-After header (seconds or HTTP date; a date in the past is 0); 1 when absent or unreadable. */
export function retryAfterSeconds(header: unknown, now = Date.now()): number {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value !== 'string' && typeof value !== 'number') return 1;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
	// An HTTP date names a weekday and a month; anything else (a negative number, a word) is unreadable.
	const date = /[a-z]{3}/i.test(text) ? Date.parse(text) : Number.NaN;
	return Number.isNaN(date) ? 1 : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * The rule for giving up on a 429: why the node stops when it has waited `waitedSeconds` for this
 * request and BigDD now asks for `wait` more, or undefined to wait and send the same request again.
 */
export function rateLimitGivingUp(waitedSeconds: number, wait: number): string | undefined {
	if (wait > MAX_RETRY_AFTER_SECONDS) return `BigDD asked to wait ${wait} s, longer than the ${MAX_RETRY_AFTER_SECONDS} s this node waits. Run it again later.`;
	if (waitedSeconds + wait > MAX_RATE_LIMIT_WAIT_SECONDS) {
		return `BigDD kept answering 429 after ${waitedSeconds} s of waiting. Run it again later or space out your workflows.`;
	}
	return undefined;
}

/** Waits before a retry; stops at once, with an error, when the execution is cancelled meanwhile. */
async function pause(context: RequestContext, ms: number, scope: RequestScope): Promise<void> {
	// An editor list has no execution to cancel.
	const signal = 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
	const cancelled = () => new NodeOperationError(context.getNode(), 'Execution was cancelled while waiting to retry', { itemIndex: scope.itemIndex });
	if (signal?.aborted) throw cancelled();
	if (!signal) return await sleep(ms);
	let onAbort = () => {};
	const aborted = new Promise<'aborted'>((resolve) => {
		onAbort = () => resolve('aborted');
		signal.addEventListener('abort', onAbort, { once: true });
	});
	try {
		if ((await Promise.race([sleep(ms), aborted])) === 'aborted') throw cancelled();
	} finally {
		signal.removeEventListener('abort', onAbort);
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
 * and n8n's routing): a 429 is waited out (Retry-After, at least MIN_RATE_LIMIT_WAIT_SECONDS, up to
 * MAX_RETRY_AFTER_SECONDS each and MAX_RATE_LIMIT_WAIT_SECONDS in all) and sent again; with `safeToRepeat` (reads, writes carrying an
 * Idempotency-Key) a transient failure is retried after TRANSIENT_RETRY_DELAYS_MS; other writes are
 * never repeated blindly.
 */
export async function withRetries<T>(
	context: RequestContext,
	scope: RequestScope,
	safeToRepeat: boolean,
	attempt: () => Promise<Attempt<T>>,
): Promise<T> {
	let attempts = 0;
	let transientRetries = 0;
	let waitedSeconds = 0;
	for (;;) {
		const outcome = await attempt();
		attempts++;
		if ('done' in outcome) return outcome.done;
		if (safeToRepeat && outcome.transient && transientRetries < TRANSIENT_RETRY_DELAYS_MS.length) {
			await pause(context, TRANSIENT_RETRY_DELAYS_MS[transientRetries++], scope);
			continue;
		}
		if (outcome.retryAfterSeconds === undefined) throw await outcome.error(attempts);
		const wait = Math.max(MIN_RATE_LIMIT_WAIT_SECONDS, outcome.retryAfterSeconds);
		const givingUp = rateLimitGivingUp(waitedSeconds, wait);
		if (givingUp) throw await outcome.error(attempts, givingUp);
		await pause(context, wait * 1000, scope);
		waitedSeconds += wait;
	}
}
