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

export { CREDENTIAL_TYPE };

/** Longest Retry-After we wait for before giving up with an error, in seconds. */
export const MAX_RETRY_AFTER_SECONDS = 60;
/** How many 429 answers in a row one request survives. */
export const MAX_RATE_LIMIT_RETRIES = 5;

/** Seconds to wait from a Retry-After header (seconds or HTTP date); 1 when absent or unreadable. */
export function retryAfterSeconds(header: unknown, now = Date.now()): number {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value !== 'string' && typeof value !== 'number') return 1;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.max(0, Number(text));
	const date = Date.parse(text);
	return Number.isNaN(date) ? 1 : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * Sends one request with the credential and returns the parsed body; an error answer becomes an
 * actionable NodeApiError. A 429 means BigDD did not process the request, so it is waited out
 * (Retry-After, up to MAX_RETRY_AFTER_SECONDS) and sent again, at most MAX_RATE_LIMIT_RETRIES times.
 * Nothing else is retried: a 5xx on a write may have taken effect.
 */
export async function requestWithRateLimitRetry(
	this: IExecuteFunctions | IExecuteSingleFunctions,
	options: IHttpRequestOptions,
	scope: RequestScope,
): Promise<IDataObject> {
	for (let attempt = 0; ; attempt++) {
		const response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
			...options,
			ignoreHttpStatusErrors: true,
			returnFullResponse: true,
		})) as IN8nHttpFullResponse;
		if (response.statusCode !== 429) {
			if (response.statusCode >= 400) throw apiError(this.getNode(), await withoutSecrets(this, response), scope);
			return response.body as IDataObject;
		}
		const wait = retryAfterSeconds(response.headers['retry-after']);
		if (attempt >= MAX_RATE_LIMIT_RETRIES || wait > MAX_RETRY_AFTER_SECONDS) {
			throw apiError(this.getNode(), await withoutSecrets(this, response), scope, {
				description:
					wait > MAX_RETRY_AFTER_SECONDS
						? `BigDD asked to wait ${wait} s, longer than the ${MAX_RETRY_AFTER_SECONDS} s this node waits. Run it again later.`
						: `BigDD kept answering 429 after ${MAX_RATE_LIMIT_RETRIES} waits. Run it again later or space out your workflows.`,
			});
		}
		if (this.getExecutionCancelSignal()?.aborted) {
			throw new NodeOperationError(this.getNode(), 'Execution was cancelled while waiting for the rate limit', {
				itemIndex: scope.itemIndex,
			});
		}
		await sleep(wait * 1000);
	}
}

/** API_ROOT_EXPRESSION for programmatic requests, which n8n's routing does not build for them. */
export async function apiRoot(context: IExecuteFunctions): Promise<string> {
	const { baseUrl } = await context.getCredentials<{ baseUrl?: string }>(CREDENTIAL_TYPE);
	return `${String(baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '')}${API_PATH}`;
}
