import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { refusal, type Refuse } from '../shared/checks';
import { describeValue } from '../shared/values';

/** A field holding one record's ID: its parameter name and how errors name it. */
export interface IdField {
	name: string;
	label: string;
}

/**
 * One ID for a URL path: text or a whole number, that cannot leave its path segment. Returns the
 * ID, or why it is not one (empty, `.`/`..`, slashes, a list, an object, null, undefined).
 */
function toPathId(value: unknown): { id: string } | { problem: string } {
	const text =
		typeof value === 'string'
			? value.trim()
			: typeof value === 'number' && Number.isSafeInteger(value)
				? String(value)
				: undefined;
	if (text === undefined) return { problem: `must be one ID, got ${describeValue(value)}` };
	if (text === '') return { problem: 'is empty' };
	if (text === '.' || text === '..' || /[/\\?#]/.test(text))
		return { problem: `is not an ID, got ${describeValue(value)}` };
	return { id: text };
}

/** One ID from a field, or a refusal naming the field and what its value or expression gave. */
export function idOrRefuse(refuse: Refuse, field: IdField, value: unknown): string {
	const result = toPathId(value);
	if ('problem' in result) {
		throw refuse(
			`${field.label} ${result.problem}`,
			'Nothing was sent. Check the field, or what its expression gives for this item.',
		);
	}
	return result.id;
}

/** One ID from a field of the item a routed request runs for, ready for a URL path. */
export function pathId(context: IExecuteSingleFunctions, field: IdField, value: unknown): string {
	return encodeURIComponent(
		idOrRefuse(refusal(context.getNode(), context.getItemIndex()), field, value),
	);
}
