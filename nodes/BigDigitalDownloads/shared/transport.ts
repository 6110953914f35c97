import type {
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';
import { API_PATH, CREDENTIAL_TYPE, DEFAULT_BASE_URL } from '../../../credentials/BigDigitalDownloadsApi.credentials';
import type { RequestScope } from './errors';
import { apiError, withoutSecrets } from './errors';
import { retryAfterSeconds } from './values';


/** Longest Retry-After we wait for before giving up with an error, in seconds. */
export const MAX_RETRY_AFTER_SECONDS = 60;
/** How many 429 answers in a row one request survives. */
export const MAX_RATE_LIMIT_RETRIES = 5;


/** How long one request may take before it counts as unanswered. */
export const REQUEST_TIMEOUT_MS = 60_000;
/** Waits before the retries of a request that may be repeated safely (a read, or a write with an Idempotency-Key). */
export const TRANSIENT_RETRY_DELAYS_MS = [500, 1_000, 2_000];

/** A failure that says nothing about BigDD having acted: repeating is safe only for safe requests. */
function isTransient(response: IN8nHttpFullResponse | undefined): boolean {
	return response === undefined || [500, 502, 503, 504].includes(response.statusCode);
}

/**
 * Sends one request with the credential and returns the parsed body; an error answer becomes an
 * actionable NodeApiError. A 429 means BigDD did not process the request, so it is waited out
 * (Retry-After, up to MAX_RETRY_AFTER_SECONDS) and sent again, at most MAX_RATE_LIMIT_RETRIES times.
 * With `safeToRepeat` (reads, writes carrying an Idempotency-Key) a 5xx, a reset connection or a
 * timeout is retried after TRANSIENT_RETRY_DELAYS_MS; other writes are never repeated blindly.
 */
export async function requestWithRateLimitRetry(
	this: IExecuteFunctions | IExecuteSingleFunctions,
	options: IHttpRequestOptions,
	scope: RequestScope,
	{ safeToRepeat = false }: { safeToRepeat?: boolean } = {},
): Promise<IDataObject> {
	let transientRetries = 0;
	for (let attempt = 0; ; attempt++) {
		let response: IN8nHttpFullResponse | undefined;
		let failure: unknown;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
				timeout: REQUEST_TIMEOUT_MS,
				...options,
				ignoreHttpStatusErrors: true,
				returnFullResponse: true,
			})) as IN8nHttpFullResponse;
		} catch (error) {
			failure = error; // no answer: connection refused or reset, or the timeout
		}
		if (safeToRepeat && isTransient(response) && transientRetries < TRANSIENT_RETRY_DELAYS_MS.length) {
			await pause(this, TRANSIENT_RETRY_DELAYS_MS[transientRetries++], scope);
			continue;
		}
		if (response === undefined) throw failure;
		if (response.statusCode !== 429) {
			if (response.statusCode >= 400) throw apiError(this.getNode(), await withoutSecrets(this, response), scope);
			return response.body as IDataObject;
		}
		const wait = retryAfterSeconds(response.headers['retry-after']);
		const givingUp = rateLimitGivingUp(attempt, wait);
		if (givingUp) throw apiError(this.getNode(), await withoutSecrets(this, response), scope, { description: givingUp });
		await pause(this, wait * 1000, scope);
	}
}

/**
 * The one rule for waiting out a 429 (programmatic requests and one-record operations alike): why
 * the node stops waiting after `attempt` waits when BigDD now asks for `wait` seconds, or undefined
 * to wait and send the same request again.
 */
export function rateLimitGivingUp(attempt: number, wait: number): string | undefined {
	if (wait > MAX_RETRY_AFTER_SECONDS) return `BigDD asked to wait ${wait} s, longer than the ${MAX_RETRY_AFTER_SECONDS} s this node waits. Run it again later.`;
	if (attempt >= MAX_RATE_LIMIT_RETRIES) return `BigDD kept answering 429 after ${MAX_RATE_LIMIT_RETRIES} waits. Run it again later or space out your workflows.`;
	return undefined;
}

/** Waits before a retry, unless the execution was cancelled. */
export async function pause(context: IExecuteFunctions | IExecuteSingleFunctions, ms: number, scope: RequestScope): Promise<void> {
	if (context.getExecutionCancelSignal()?.aborted) {
		throw new NodeOperationError(context.getNode(), 'Execution was cancelled while waiting to retry', { itemIndex: scope.itemIndex });
	}
	await sleep(ms);
}

/** API_ROOT_EXPRESSION for programmatic requests, which n8n's routing does not build for them. */
export async function apiRoot(context: IExecuteFunctions): Promise<string> {
	const { baseUrl } = await context.getCredentials<{ baseUrl?: string }>(CREDENTIAL_TYPE);
	return `${String(baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '')}${API_PATH}`;
}
