// Checks several operations share, run before a request leaves so that a bad value costs nothing.
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INode,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { LIMITS } from './limits';
import { describeValue, EMAIL_PATTERN, ID_SEPARATORS, toList, toUtcIso } from './values';

/** How a check refuses a value: an error naming the field, with what to do. */
export type Refuse = (message: string, description?: string) => NodeOperationError;

/** The one way to refuse an item's value: an error for that item, with `fallbackDescription` when none is given. */
export function refusal(node: INode, itemIndex: number, fallbackDescription?: string): Refuse {
	return (message, description) =>
		new NodeOperationError(node, message, {
			itemIndex,
			description: description ?? fallbackDescription,
		});
}

/** Rewrites a date in `target[key]` to UTC ISO 8601, or refuses it naming the field. */
export function normalizeDate(
	refuse: Refuse,
	timezone: string,
	target: IDataObject,
	key: string,
	label: string,
): void {
	if (target[key] === undefined || target[key] === '') {
		delete target[key];
		return;
	}
	const iso = toUtcIso(target[key], timezone);
	if (iso === undefined) {
		throw refuse(
			`${label} is not a date`,
			`Got ${JSON.stringify(target[key])}. Use ISO 8601, e.g. 2026-05-01T00:00:00Z.`,
		);
	}
	target[key] = iso;
}

/** Refuses a value that is not an email address, naming the field. */
export function assertEmail(refuse: Refuse, value: unknown, label: string): void {
	if (typeof value !== 'string' || !EMAIL_PATTERN.test(value)) {
		throw refuse(`${label} is not an email address`, `Got ${JSON.stringify(value)}.`);
	}
}

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
	const bad = entries.find(
		(entry) =>
			entry !== null &&
			entry !== undefined &&
			typeof entry !== 'string' &&
			typeof entry !== 'number',
	);
	if (bad !== undefined)
		throw refuse(
			`${label} must be IDs, got ${describeValue(bad)}`,
			'Separate IDs with commas, or pass an array of IDs.',
		);
	return toList(value, ID_SEPARATORS);
}

/** preSend: `q` (search) is at most 120 characters on every list. */
export async function validateSearchText(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const q = requestOptions.qs?.q;
	if (typeof q === 'string' && q.length > LIMITS.searchText) {
		throw refusal(
			this.getNode(),
			this.getItemIndex(),
		)(`Search is ${q.length} characters long; BigDD accepts at most ${LIMITS.searchText}`);
	}
	return requestOptions;
}
