import type { IDataObject } from 'n8n-workflow';
import type { Operation } from '../resource';
import { normalizeDate } from '../../shared/checks';
import type { ItemParameters } from '../../routing/oneRecord';

/** The item's window as BigDD's query: its dates in UTC, start before end, none without bounds. */
function statsWindow(item: ItemParameters): IDataObject {
	const { start, end } = item.get('window', {}) as IDataObject;
	const qs: IDataObject = {
		...(start === undefined ? {} : { start }),
		...(end === undefined ? {} : { end }),
	};
	normalizeDate(item.refuse, item.timezone, qs, 'start', 'Start');
	normalizeDate(item.refuse, item.timezone, qs, 'end', 'End');
	if (typeof qs.start === 'string' && typeof qs.end === 'string' && qs.start >= qs.end) {
		throw item.refuse('Start must be before End', `Got ${qs.start} to ${qs.end}.`);
	}
	return qs;
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
	},
	oneRecord: {
		request: (item) => ({ method: 'GET', url: '/downloads/stats', qs: statsWindow(item) }),
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
				},
				{
					displayName: 'End',
					name: 'end',
					type: 'dateTime',
					default: '',
					description: "Window end. Without a zone it is read in the workflow's time zone.",
				},
			],
		},
	],
};
