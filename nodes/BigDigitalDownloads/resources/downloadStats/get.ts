import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import type { Operation } from '../../shared/operation';
import { invalid, normalizeDate } from '../../shared/checks';
import { oneRecordRouting } from '../../routing/oneRecord';

/** preSend: the window's dates to UTC, start before end. */
async function normalizeStatsWindow(
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

export const downloadStatsGet: Operation = {
	toolDescription:
		'Get download statistics for a period (totals and the most downloaded files); without dates, the last 30 days.',
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get download stats',
		description:
			'Get download counts, bandwidth and top files for a time window (default: last 30 days)',
		routing: oneRecordRouting(
			{ method: 'GET', url: '/downloads/stats' },
			{ preSend: [normalizeStatsWindow] },
		),
	},
	fields: [
		{
			displayName: 'Time Window',
			name: 'window',
			type: 'collection',
			placeholder: 'Add Bound',
			default: {},
			description: 'Without bounds BigDD reports the last 30 days',
			options: [
				{
					displayName: 'Start',
					name: 'start',
					type: 'dateTime',
					default: '',
					description: "Window start. Without a zone it is read in the workflow's time zone.",
					routing: { send: { type: 'query', property: 'start' } },
				},
				{
					displayName: 'End',
					name: 'end',
					type: 'dateTime',
					default: '',
					description: "Window end. Without a zone it is read in the workflow's time zone.",
					routing: { send: { type: 'query', property: 'end' } },
				},
			],
		},
	],
};
