// Request hooks of Download Stat operations.
import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { invalid, normalizeDate } from '../../shared/validation';

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
