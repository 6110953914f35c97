// Checks several operations share, run before a request leaves so that a bad value costs nothing.
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { LIMITS } from './limits';
import { describeValue, EMAIL_PATTERN, toIdList, toPathId, toUtcIso } from './values';

/** An error for the item a declarative request runs for, naming the field. */
export function invalid(context: IExecuteSingleFunctions, message: string, description?: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), message, { itemIndex: context.getItemIndex(), description });
}

/** Rewrites a date in `target[key]` to UTC ISO 8601, or refuses it naming the field. */
export function normalizeDate(context: IExecuteSingleFunctions, target: IDataObject, key: string, label: string): void {
	if (target[key] === undefined || target[key] === '') {
		delete target[key];
		return;
	}
	const iso = toUtcIso(target[key], context.getTimezone());
	if (iso === undefined) {
		throw invalid(context, `${label} is not a date`, `Got ${JSON.stringify(target[key])}. Use ISO 8601, e.g. 2026-05-01T00:00:00Z.`);
	}
	target[key] = iso;
}

/** Refuses a value that is not an email address, naming the field. */
export function assertEmail(context: IExecuteSingleFunctions, value: unknown, label: string): void {
	if (typeof value !== 'string' || !EMAIL_PATTERN.test(value)) {
		throw invalid(context, `${label} is not an email address`, `Got ${JSON.stringify(value)}.`);
	}
}

/** How a check refuses a value: an error naming the field, with what to do. */
export type Refuse = (message: string, description?: string) => Error;

/** A refusal for the item a declarative request runs for. */
export const refuseFor = (context: IExecuteSingleFunctions): Refuse => (message, description) => invalid(context, message, description);

/** The file IDs of a request body as a list of at most 100 (and at least `min`). */
export function fileIdList(refuse: Refuse, value: unknown, min: number, hint = ''): string[] {
	const ids = idList(refuse, value, 'File IDs');
	if (ids.length < min || ids.length > LIMITS.fileIdsPerRequest) {
		throw refuse(
			`File IDs must list ${min} to ${LIMITS.fileIdsPerRequest} files; got ${ids.length}`,
			`Got ${describeValue(value)}. Separate IDs with commas, or pass an array from an expression.${hint}`,
		);
	}
	return ids;
}

/** IDs from text or an array of text and numbers; anything else (an object, a nested list) is refused. */
export function idList(refuse: Refuse, value: unknown, label: string): string[] {
	const entries = Array.isArray(value) ? value : [value];
	const bad = entries.find((entry) => entry !== null && entry !== undefined && typeof entry !== 'string' && typeof entry !== 'number');
	if (bad !== undefined) throw refuse(`${label} must be IDs, got ${describeValue(bad)}`, 'Separate IDs with commas, or pass an array of IDs.');
	return toIdList(value);
}

/** preSend: `q` (search) is at most 120 characters on every list. */
export async function validateSearchText(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const q = requestOptions.qs?.q;
	if (typeof q === 'string' && q.length > LIMITS.searchText) {
		throw invalid(this, `Search is ${q.length} characters long; BigDD accepts at most ${LIMITS.searchText}`);
	}
	return requestOptions;
}

/** preSend for requests that need a non-empty value in the query or body. */
export function requireValue(where: 'qs' | 'body', key: string, label: string) {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const value = ((requestOptions[where] ?? {}) as IDataObject)[key];
		if (typeof value !== 'string' || value.trim() === '') throw invalid(this, `${label} is empty`);
		return requestOptions;
	};
}

/** The ID fields that go into URL paths, by parameter name. */
const PATH_ID_LABELS: Record<string, string> = {
	orderId: 'Order ID',
	lineId: 'Line ID',
	licenseKeyId: 'License Key ID',
	fileId: 'File ID',
	productId: 'Digital Product ID',
	customerId: 'Customer ID',
};

/** One ID from a field, or an error naming the field and what its value or expression gave. */
export function oneId(context: IExecuteSingleFunctions, name: string, value: unknown): string {
	const result = toPathId(value);
	if ('problem' in result) {
		throw invalid(context, `${PATH_ID_LABELS[name] ?? name} ${result.problem}`, 'Nothing was sent. Check the field, or what its expression gives for this item.');
	}
	return result.id;
}

/** One ID from a field, ready for a URL path. */
export function pathId(context: IExecuteSingleFunctions, name: string, value: unknown): string {
	return encodeURIComponent(oneId(context, name, value));
}

/**
 * preSend for operations on one record: fills each `{field}` of the URL with that field's ID,
 * refusing anything that is not one ID (empty, `..`, a slash, a list, an object, null) before it
 * could send a request to another path.
 */
export async function fillPathIds(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	// extractValue: a record picker's value, whether picked From List, typed By ID or saved as plain text.
	const url = requestOptions.url.replace(/\{(\w+)\}/g, (_, name: string) =>
		pathId(this, name, this.getNodeParameter(name, undefined, { extractValue: true })),
	);
	return { ...requestOptions, url };
}
