import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { CREDENTIAL_TYPE } from '../../../credentials/BigDigitalDownloadsApi.credentials';
import { credentialOf, withoutSecrets } from './credential';
import { apiError, noAnswerError, notJsonError } from './errors';
import { REQUEST_TIMEOUT_MS, withRetries } from './retry';
import { retryAfterSeconds } from './retryAfter';
import type { RequestContext, RequestScope } from './types';

/**
 * What the node's requests carry unless they say otherwise (its requestDefaults, and a one-record
 * operation's request): JSON both ways, arrays in a query as repeated keys (`include=a&include=b`).
 */
export const BIGDD_REQUEST_DEFAULTS = {
	headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
	arrayFormat: 'repeat' as const,
};

/** A success whose body could not be read as JSON: cut off on the way, or not from BigDD at all. */
function isNotJson(response: IN8nHttpFullResponse): boolean {
	return response.statusCode < 300 && typeof response.body === 'string' && response.body !== '';
}

/**
 * The node's own request path (custom operations and record pickers): sends one request with the
 * credential under the retry policy (withRetries) and returns the parsed body; an error answer
 * becomes an actionable NodeApiError, secrets taken out, and a success that is not JSON is named.
 */
export async function requestBigdd(
	this: RequestContext,
	options: IHttpRequestOptions,
	scope: RequestScope,
	{ safeToRepeat = false }: { safeToRepeat?: boolean } = {},
): Promise<IDataObject> {
	const timeout = options.timeout ?? REQUEST_TIMEOUT_MS;
	const node = this.getNode();
	return await withRetries<IDataObject>(this, scope, safeToRepeat, async () => {
		let response: IN8nHttpFullResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL_TYPE,
				{ ...options, timeout, ignoreHttpStatusErrors: true, returnFullResponse: true },
				{ credentialsDecrypted: await credentialOf(this) },
			)) as IN8nHttpFullResponse;
		} catch (failure) {
			// No answer: connection refused or reset, or the timeout.
			return { transient: true, error: () => noAnswerError(node, failure, scope, timeout) };
		}
		const { statusCode } = response;
		if (statusCode === 429) {
			return {
				retryAfterSeconds: retryAfterSeconds(response.headers['retry-after']),
				error: async (_attempts, givingUp) =>
					apiError(node, await withoutSecrets(this, response), scope, givingUp),
			};
		}
		if (statusCode >= 400) {
			return {
				transient: [500, 502, 503, 504].includes(statusCode),
				error: async () => apiError(node, await withoutSecrets(this, response), scope),
			};
		}
		if (isNotJson(response)) {
			return {
				transient: true,
				error: async (attempts) =>
					notJsonError(node, String((await withoutSecrets(this, response)).body), attempts, scope),
			};
		}
		return { done: response.body as IDataObject };
	});
}
