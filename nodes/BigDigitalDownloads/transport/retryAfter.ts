// BigDD's Retry-After header, read by the retry policy (retry.ts) and by the errors n8n's routing raises
// (errors.ts): in its own module, so neither of those imports the other.

/** Seconds to wait from a Retry-After header (seconds or HTTP date; a date in the past is 0); 1 when absent or unreadable. */
export function retryAfterSeconds(header: unknown, now = Date.now()): number {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value !== 'string' && typeof value !== 'number') return 1;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
	// An HTTP date names a weekday and a month; anything else (a negative number, a word) is unreadable.
	const date = /[a-z]{3}/i.test(text) ? Date.parse(text) : Number.NaN;
	return Number.isNaN(date) ? 1 : Math.max(0, Math.ceil((date - now) / 1000));
}
