import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';
import { CREDENTIAL_TYPE } from '../../../credentials/BigDigitalDownloadsApi.credentials';
import type { RequestScope } from './errors';
import { apiError, noAnswerError, notJsonError, withoutSecrets } from './errors';
import { retryAfterSeconds } from './values';


/** Longest Retry-After we wait for before giving up with an error, in seconds. */
const MAX_RETRY_AFTER_SECONDS = 60;
/**
 * How long one request may wait out 429s in all, in seconds. A budget of time rather than a count of
 * tries: 500 items sent at once against a 10 requests/s limit need 50 one-second waits for the last.
 */
const MAX_RATE_LIMIT_WAIT_SECONDS = 300;


/** How long one request may take before it counts as unanswered. */
export const REQUEST_TIMEOUT_MS = 60_000;
/** Waits before the retries of a request that may be repeated safely (a read, or a write with an Idempotency-Key). */
const TRANSIENT_RETRY_DELAYS_MS = [500, 1_000, 2_000];

/** A success whose body could not be read as JSON: cut off on the way, or not from BigDD at all. */
function isNotJson(response: IN8nHttpFullResponse): boolean {
	return response.statusCode < 300 && typeof response.body === 'string' && response.body !== '';
}

/** A failure that says nothing about BigDD having acted: repeating is safe only for safe requests. */
function isTransient(response: IN8nHttpFullResponse | undefined): boolean {
	return response === undefined || [500, 502, 503, 504].includes(response.statusCode) || isNotJson(response);
}

/** Where requests are sent from: a node run, one item of a declarative operation, or an editor list. */
export type RequestContext = IExecuteFunctions | IExecuteSingleFunctions | ILoadOptionsFunctions;

const decryptedCredentials = new WeakMap<RequestContext, Promise<ICredentialsDecrypted>>();

/**
 * The credential, read once per context (a node run, or one item of a declarative operation) instead
 * of by n8n for every page, batch and retry, each a database read and a decryption (n8n's routing
 * reads it for every request it sends itself: docs/n8n-routing-cost-per-item.md).
 */
async function credentialOf(context: RequestContext): Promise<ICredentialsDecrypted> {
	let credential = decryptedCredentials.get(context);
	if (!credential) {
		credential = context
			.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE)
			.then((data) => ({ id: '', name: CREDENTIAL_TYPE, type: CREDENTIAL_TYPE, data }));
		decryptedCredentials.set(context, credential);
	}
	return await credential;
}

/**
 * Sends one request with the credential and returns the parsed body; an error answer becomes an
 * actionable NodeApiError. A 429 means BigDD did not process the request, so it is waited out
 * (Retry-After, up to MAX_RETRY_AFTER_SECONDS each and MAX_RATE_LIMIT_WAIT_SECONDS in all) and sent again.
 * With `safeToRepeat` (reads, writes carrying an Idempotency-Key) a 5xx, a reset connection or a
 * timeout is retried after TRANSIENT_RETRY_DELAYS_MS; other writes are never repeated blindly.
 */
export async function requestWithRateLimitRetry(
	this: RequestContext,
	options: IHttpRequestOptions,
	scope: RequestScope,
	{ safeToRepeat = false }: { safeToRepeat?: boolean } = {},
): Promise<IDataObject> {
	let transientRetries = 0;
	let waitedSeconds = 0;
	const timeout = options.timeout ?? REQUEST_TIMEOUT_MS;
	for (;;) {
		let response: IN8nHttpFullResponse | undefined;
		let failure: unknown;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL_TYPE,
				{ ...options, timeout, ignoreHttpStatusErrors: true, returnFullResponse: true },
				{ credentialsDecrypted: await credentialOf(this) },
			)) as IN8nHttpFullResponse;
		} catch (error) {
			failure = error; // no answer: connection refused or reset, or the timeout
		}
		if (safeToRepeat && isTransient(response) && transientRetries < TRANSIENT_RETRY_DELAYS_MS.length) {
			await pause(this, TRANSIENT_RETRY_DELAYS_MS[transientRetries++], scope);
			continue;
		}
		if (response === undefined) throw noAnswerError(this.getNode(), failure, scope, timeout);
		if (response.statusCode !== 429) {
			if (response.statusCode >= 400) throw apiError(this.getNode(), await withoutSecrets(this, response), scope);
			if (isNotJson(response)) throw notJsonError(this.getNode(), String((await withoutSecrets(this, response)).body), transientRetries + 1, scope);
			return response.body as IDataObject;
		}
		const wait = retryAfterSeconds(response.headers['retry-after']);
		const givingUp = rateLimitGivingUp(waitedSeconds, wait);
		if (givingUp) throw apiError(this.getNode(), await withoutSecrets(this, response), scope, { description: givingUp });
		await pause(this, wait * 1000, scope);
		waitedSeconds += wait;
	}
}

/**
 * The one rule for waiting out a 429 (programmatic requests and one-record operations alike): why
 * the node stops when it has waited `waitedSeconds` for this request and BigDD now asks for `wait`
 * more, or undefined to wait and send the same request again.
 */
export function rateLimitGivingUp(waitedSeconds: number, wait: number): string | undefined {
	if (wait > MAX_RETRY_AFTER_SECONDS) return `BigDD asked to wait ${wait} s, longer than the ${MAX_RETRY_AFTER_SECONDS} s this node waits. Run it again later.`;
	if (waitedSeconds + wait > MAX_RATE_LIMIT_WAIT_SECONDS) {
		return `BigDD kept answering 429 after ${waitedSeconds} s of waiting. Run it again later or space out your workflows.`;
	}
	return undefined;
}

/** Waits before a retry, unless the execution was cancelled. */
export async function pause(context: RequestContext, ms: number, scope: RequestScope): Promise<void> {
	// An editor list has no execution to cancel.
	if ('getExecutionCancelSignal' in context && context.getExecutionCancelSignal()?.aborted) {
		throw new NodeOperationError(context.getNode(), 'Execution was cancelled while waiting to retry', { itemIndex: scope.itemIndex });
	}
	await sleep(ms);
}
