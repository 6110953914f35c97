import type { IN8nHttpFullResponse, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { RequestScope } from './types';

/** What to tell a person for each status BigDD documents. */
const HINTS: Record<number, string> = {
	400: 'BigDD rejected a field of this request. The message above names it.',
	401: 'Check the API token in the Big Digital Downloads credential. Tokens are generated, and revoked, under Settings > Public API.',
	403: 'The shop is inactive or access is restricted: the Public API needs the Growth plan or above.',
	404: 'Check the ID: it does not exist in this shop (or was deleted).',
	409: 'The request conflicts with the current state in BigDD.',
	413: 'BigDD accepts files up to 25 MB through the API. Upload bigger files in the BigDD admin.',
	429: 'BigDD rate-limited the request. Space out your requests (uploads: at most 6 per minute) and try again.',
};

const SERVER_ERROR_HINT =
	'BigDD had a server error. Safe to run again for reads; for writes, check in BigDD whether it took effect first.';
const UNSAFE_TO_RETRY_HINT =
	'BigDD had a server error, so it is unknown whether this took effect. It is not retried automatically: check in BigDD (for example the order or key) before running it again.';

/** What to do when it is unknown whether BigDD acted (a server error, or no answer at all). */
function unknownOutcomeHint(scope: RequestScope): string {
	return scope.rules.notIdempotent ? UNSAFE_TO_RETRY_HINT : SERVER_ERROR_HINT;
}

function hintFor(status: number, scope: RequestScope): string | undefined {
	if (status === 409 && scope.rules.conflictHint) return scope.rules.conflictHint;
	return HINTS[status] ?? (status >= 500 ? unknownOutcomeHint(scope) : undefined);
}

/** The API's own message, from BigDD's `{ error: { message } }` envelope or a plain body. */
export function apiMessage(body: unknown): string | undefined {
	if (typeof body === 'string')
		return body.trim().startsWith('<') ? undefined : body.slice(0, 300) || undefined;
	if (body === null || typeof body !== 'object') return undefined;
	const { error, message } = body as { error?: unknown; message?: unknown };
	if (
		typeof error === 'object' &&
		error !== null &&
		typeof (error as { message?: unknown }).message === 'string'
	) {
		return (error as { message: string }).message;
	}
	if (typeof error === 'string') return error;
	return typeof message === 'string' ? message : undefined;
}

/** A NodeApiError with BigDD's message and a hint on how to fix it (`description` replaces the hint). */
export function apiError(
	node: INode,
	response: IN8nHttpFullResponse,
	scope: RequestScope,
	description?: string,
): NodeApiError {
	const status = response.statusCode;
	const message = apiMessage(response.body) ?? `BigDD answered with HTTP ${status}`;
	const body =
		typeof response.body === 'object' && response.body !== null
			? response.body
			: { body: response.body };
	return new NodeApiError(node, body as JsonObject, {
		message,
		description: description ?? hintFor(status, scope),
		httpCode: String(status),
		itemIndex: scope.itemIndex,
	});
}

/** Whether a request failed because it got no answer in time (axios reports ECONNABORTED or ETIMEDOUT). */
export function isTimeout(error: unknown): boolean {
	const causes = [error, (error as { cause?: unknown } | undefined)?.cause];
	return causes.some((cause) =>
		['ECONNABORTED', 'ETIMEDOUT'].includes(String((cause as { code?: unknown } | undefined)?.code)),
	);
}

/** A request that got no answer: said in plain words when it timed out, n8n's own error otherwise. */
export function noAnswerError(
	node: INode,
	failure: unknown,
	scope: RequestScope,
	timeoutMs: number,
): NodeApiError | NodeOperationError {
	if (!isTimeout(failure)) return asNodeError(node, failure, scope.itemIndex);
	return new NodeOperationError(node, `BigDD did not answer within ${timeoutMs / 1000} s`, {
		itemIndex: scope.itemIndex,
		description: `The request timed out. ${unknownOutcomeHint(scope)}`,
	});
}

/** A success whose body is not JSON; `start` is its first characters, secrets already taken out. */
export function notJsonError(
	node: INode,
	start: string,
	attempts: number,
	scope: RequestScope,
): NodeOperationError {
	return new NodeOperationError(node, "BigDD's answer was not JSON", {
		itemIndex: scope.itemIndex,
		description: `It began ${start.slice(0, 60)} and was asked for ${attempts} time${attempts === 1 ? '' : 's'}. An answer cut off on the way usually passes on a later run; if this repeats, check that the Base URL of the credential points at the BigDD API.`,
	});
}

/** An error as n8n shows it best: BigDD and validation errors as they are, anything else wrapped. */
export function asNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error, { itemIndex });
}
