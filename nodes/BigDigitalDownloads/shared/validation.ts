import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { customerPathId, describeValue, EMAIL_PATTERN, isBlank, toIdList, toPathId, toUtcIso } from './values';

/** BigDD's documented limits, checked before a request leaves so that a bad value costs nothing. */
export const LIMITS = {
	searchText: 120,
	maxDownloads: 1_000_000,
	downloadInDays: 100_000,
	stampingText: 500,
	fileIdsPerRequest: 100,
	keysPerBatch: 5_000,
	tag: 120,
	uploadBytes: 25 * 1024 * 1024,
} as const;

function invalid(context: IExecuteSingleFunctions, message: string, description?: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), message, { itemIndex: context.getItemIndex(), description });
}

/** Rewrites a date in `target[key]` to UTC ISO 8601, or refuses it naming the field. */
function normalizeDate(context: IExecuteSingleFunctions, target: IDataObject, key: string, label: string): void {
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

function assertEmail(context: IExecuteSingleFunctions, value: unknown, label: string): void {
	if (typeof value !== 'string' || !EMAIL_PATTERN.test(value)) {
		throw invalid(context, `${label} is not an email address`, `Got ${JSON.stringify(value)}.`);
	}
}

/** How a check refuses a value: an error naming the field, with what to do. */
export type Refuse = (message: string, description?: string) => Error;

/** A refusal for the item a declarative request runs for. */
const refuseFor = (context: IExecuteSingleFunctions): Refuse => (message, description) => invalid(context, message, description);

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
function idList(refuse: Refuse, value: unknown, label: string): string[] {
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

/**
 * A download limit as BigDD takes it: an integer from 0 to max, where 0 and empty both mean
 * unlimited (sent as null, which the spec documents as equivalent to 0).
 */
export function downloadLimitValue(value: unknown, max: number): number | null | undefined {
	if (value === null || value === '') return null;
	const number = typeof value === 'string' ? Number(value.trim()) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < 0 || number > max) return undefined;
	return number;
}

/** preSend: Update Limits needs at least one limit, each an integer in BigDD's range. */
export async function validateProductLimits(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = { ...((requestOptions.body ?? {}) as IDataObject) };
	const fields = [
		['max_downloads', 'Max Downloads', LIMITS.maxDownloads],
		['download_in', 'Download Link Expiry (Days)', LIMITS.downloadInDays],
	] as const;
	const present = fields.filter(([key]) => key in body);
	if (present.length === 0) {
		throw invalid(this, 'Add Max Downloads, Download Link Expiry (Days) or both', 'Nothing to update was set.');
	}
	for (const [key, label, max] of present) {
		const value = downloadLimitValue(body[key], max);
		if (value === undefined) {
			throw invalid(
				this,
				`${label} must be a whole number from 0 to ${max.toLocaleString('en-US')}`,
				`Got ${JSON.stringify(body[key])}. Use 0 (or leave it empty) for unlimited.`,
			);
		}
		body[key] = value;
	}
	return { ...requestOptions, body };
}

/** preSend for Get Many orders: dates to UTC, product IDs to a list, email checked. */
export async function normalizeOrderFilters(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const qs = { ...requestOptions.qs };
	normalizeDate(this, qs, 'created_after', 'Created After');
	normalizeDate(this, qs, 'created_before', 'Created Before');
	if ('digital_product_id' in qs) qs.digital_product_id = idList(refuseFor(this), qs.digital_product_id, 'Digital Product IDs');
	if (isBlank(qs.customer_email)) delete qs.customer_email;
	else if ('customer_email' in qs) assertEmail(this, qs.customer_email, 'Customer Email');
	return { ...requestOptions, qs };
}

/** preSend for Get download stats: the window's dates to UTC, start before end. */
export async function normalizeStatsWindow(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const qs = { ...requestOptions.qs };
	normalizeDate(this, qs, 'start', 'Start');
	normalizeDate(this, qs, 'end', 'End');
	if (typeof qs.start === 'string' && typeof qs.end === 'string' && qs.start >= qs.end) {
		throw invalid(this, 'Start must be before End', `Got ${qs.start} to ${qs.end}.`);
	}
	return { ...requestOptions, qs };
}

/** preSend for Resend email: an optional new address must be an email. */
export async function validateResendEmail(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = (requestOptions.body ?? {}) as IDataObject;
	if (isBlank(body.customer_email)) {
		// n8n drops an empty object body; BigDD's documented call sends `{}`.
		return { ...requestOptions, body: '{}' };
	}
	assertEmail(this, body.customer_email, 'New Email');
	return requestOptions;
}

/**
 * preSend for Set line files: 1 to 100 file IDs, or none with Remove All Files on. An empty field or an
 * expression that gives nothing is refused: clearing a line is an explicit choice.
 */
export async function normalizeLineFiles(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = { ...((requestOptions.body ?? {}) as IDataObject) };
	body.file_ids =
		this.getNodeParameter('removeAllFiles', false) === true
			? []
			: fileIdList(refuseFor(this), body.file_ids, 1, ' Nothing was changed. To empty the line, turn on Remove All Files.');
	return { ...requestOptions, body };
}

/** preSend for requests that need a non-empty value in the query or body. */
function requireValue(where: 'qs' | 'body', key: string, label: string) {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const value = ((requestOptions[where] ?? {}) as IDataObject)[key];
		if (typeof value !== 'string' || value.trim() === '') throw invalid(this, `${label} is empty`);
		return requestOptions;
	};
}

/** preSend for Validate license key: the key to check is required. */
export const requireLicenseKey = requireValue('qs', 'key', 'License Key');

/** preSend for Assign license key: the order name is required. */
export const requireOrderName = requireValue('body', 'order_name', 'Order Name');

/** The ID fields that go into URL paths, by parameter name. */
const PATH_ID_LABELS: Record<string, string> = {
	orderId: 'Order ID',
	lineId: 'Line ID',
	licenseKeyId: 'License Key ID',
	fileId: 'File ID',
	productId: 'Digital Product ID',
	customerId: 'Customer ID',
};

/** One path ID from a field, or an error naming the field and what its value or expression gave. */
function pathId(context: IExecuteSingleFunctions, name: string, value: unknown): string {
	const result = toPathId(value);
	if ('problem' in result) {
		throw invalid(context, `${PATH_ID_LABELS[name] ?? name} ${result.problem}`, 'Nothing was sent. Check the field, or what its expression gives for this item.');
	}
	return encodeURIComponent(result.id);
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

/**
 * preSend for Get customer downloads: puts the customer in the path as its numeric ID, since a
 * GID's slashes would need %2F in the path, which proxies often refuse. BigDD accepts both.
 */
export async function resolveCustomerPath(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const value = this.getNodeParameter('customerId', undefined);
	const customer = pathId(this, 'customerId', typeof value === 'string' ? customerPathId(value) : value);
	return { ...requestOptions, url: requestOptions.url.replace('{customerId}', customer) };
}
