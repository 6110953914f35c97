// Request hooks of Digital Product operations.
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { LIMITS } from '../../shared/limits';
import { invalid } from '../../shared/validation';

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
