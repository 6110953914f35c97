import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

const displayOptions = { show: { resource: ['downloadStats'], operation: ['get'] } };

const properties: INodeProperties[] = [
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

export const downloadStatsGetDescription = updateDisplayOptions(displayOptions, properties);
