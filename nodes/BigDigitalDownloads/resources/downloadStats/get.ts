import type { INodeProperties } from 'n8n-workflow';

const showOnlyForDownloadStatsGet = { resource: ['downloadStats'], operation: ['get'] };

export const downloadStatsGetDescription: INodeProperties[] = [
	{
		displayName: 'Time Window',
		name: 'window',
		type: 'collection',
		placeholder: 'Add Bound',
		displayOptions: { show: showOnlyForDownloadStatsGet },
		default: {},
		description: 'Without bounds BigDD reports the last 30 days',
		options: [
			{
				displayName: 'Start',
				name: 'start',
				type: 'dateTime',
				default: '',
				description: 'Window start. Without a zone it is read in the workflow\'s time zone.',
				routing: { send: { type: 'query', property: 'start' } },
			},
			{
				displayName: 'End',
				name: 'end',
				type: 'dateTime',
				default: '',
				description: 'Window end. Without a zone it is read in the workflow\'s time zone.',
				routing: { send: { type: 'query', property: 'end' } },
			},
		],
	},
];
