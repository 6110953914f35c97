/** Normalisers from what a person or an expression puts in a field to what BigDD takes. */

/** IDs from an array, or from a string separated by commas, spaces or new lines. */
export function toIdList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : value == null ? [] : [value];
	return parts.map((part) => String(part).trim()).filter((part) => part !== '');
}

/** License keys from an array, or one per line from a string; blank lines are dropped. */
export function toKeyList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\r?\n/) : value == null ? [] : [value];
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
	const wallClock = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return wallClock - (utcMs - (((utcMs % 1000) + 1000) % 1000));
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;

/**
 * An ISO 8601 UTC timestamp for BigDD. A date or time without a zone (what n8n's date picker gives)
 * is read in the workflow's time zone; one with a zone or offset is kept as that instant.
 * Returns undefined when the value is not a date.
 */
export function toUtcIso(value: unknown, timeZone: string): string | undefined {
	const text = String(value ?? '').trim();
	const wall = WALL_CLOCK.exec(text);
	if (wall) {
		const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0'] = wall;
		const asUtc = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, +ms.padEnd(3, '0'));
		if (Number.isNaN(asUtc)) return undefined;
		// Two passes settle the offset on the right side of a daylight-saving change.
		const first = asUtc - zoneOffsetMs(asUtc, timeZone);
		return new Date(asUtc - zoneOffsetMs(first, timeZone)).toISOString();
	}
	if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return undefined;
	const instant = Date.parse(text);
	return Number.isNaN(instant) ? undefined : new Date(instant).toISOString();
}

/** The numeric id BigDD accepts in a path, from a Shopify customer GID or the id itself. */
export function customerPathId(value: unknown): string {
	const text = String(value ?? '').trim();
	const gid = /^gid:\/\/shopify\/Customer\/(\d+)$/.exec(text);
	return encodeURIComponent(gid ? gid[1] : text);
}

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
