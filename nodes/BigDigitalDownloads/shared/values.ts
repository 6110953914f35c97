/** Normalisers from what a person or an expression puts in a field to what BigDD takes. */

/** Between IDs in a text: commas, spaces or new lines. */
export const ID_SEPARATORS = /[\s,]+/;
/** Between license keys in a text: new lines (a key may hold spaces). */
export const LINE_SEPARATOR = /\r?\n/;

/** The entries of an array, or of a text split at `separator`, trimmed; blank entries are dropped. */
export function toList(value: unknown, separator: RegExp): string[] {
	const parts = Array.isArray(value)
		? value
		: typeof value === 'string'
			? value.split(separator)
			: value == null
				? []
				: [value];
	return parts.map((part) => String(part).trim()).filter((part) => part !== '');
}

/** The offset of `timeZone` from UTC at the instant `utcMs`, in milliseconds. */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(utcMs));
	const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	const wallClock = Date.UTC(
		get('year'),
		get('month') - 1,
		get('day'),
		get('hour'),
		get('minute'),
		get('second'),
	);
	return wallClock - (utcMs - (((utcMs % 1000) + 1000) % 1000));
}

const WALL_CLOCK =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;

/**
 * An ISO 8601 UTC timestamp for BigDD. A date or time without a zone (what n8n's date picker gives)
 * is read in the workflow's time zone; one with a zone or offset is kept as that instant.
 * Returns undefined when the value is not a date.
 */
export function toUtcIso(value: unknown, timeZone: string): string | undefined {
	const text = String(value ?? '').trim();
	// JavaScript rolls 2026-02-30 over to March 2: only real calendar dates and clock times pass.
	if (!isRealDateTime(text)) return undefined;
	const wall = WALL_CLOCK.exec(text);
	if (wall) {
		const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0'] = wall;
		const asUtc = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, +ms.padEnd(3, '0'));
		// Two passes settle the offset on the right side of a daylight-saving change.
		const first = asUtc - zoneOffsetMs(asUtc, timeZone);
		return new Date(asUtc - zoneOffsetMs(first, timeZone)).toISOString();
	}
	if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return undefined;
	const instant = Date.parse(text);
	return Number.isNaN(instant) ? undefined : new Date(instant).toISOString();
}

/** Whether the date (and time, if any) at the start of an ISO 8601 text exist on the calendar and the clock. */
function isRealDateTime(text: string): boolean {
	const parts = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
	if (!parts) return false;
	const [, y, mo, d, h = '0', mi = '0', s = '0'] = parts.map((part) => part ?? '0');
	const daysInMonth = new Date(Date.UTC(+y, +mo, 0)).getUTCDate();
	return +mo >= 1 && +mo <= 12 && +d >= 1 && +d <= daysInMonth && +h <= 23 && +mi <= 59 && +s <= 59;
}

/** An optional field added but left empty (or an expression that gave nothing): not sent. */
export function isBlank(value: unknown): boolean {
	return (
		value === undefined ||
		value === null ||
		(typeof value === 'string' && value.trim() === '') ||
		(Array.isArray(value) && value.length === 0)
	);
}

/** How a value from a field or an expression reads in an error message. */
export function describeValue(value: unknown): string {
	if (value === undefined) return 'nothing (undefined)';
	if (value === null) return 'null';
	if (Array.isArray(value)) return `an array (${JSON.stringify(value).slice(0, 80)})`;
	if (typeof value === 'object') return `an object (${JSON.stringify(value).slice(0, 80)})`;
	return JSON.stringify(value);
}

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
