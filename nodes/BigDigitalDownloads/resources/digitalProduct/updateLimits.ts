import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { LIMITS } from '../../shared/limits';

const displayOptions = { show: { resource: ['digitalProduct'], operation: ['updateLimits'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Limits',
		name: 'limits',
		type: 'collection',
		placeholder: 'Add Limit',
		default: {},
		description: 'Only the limits you add are changed; the other keeps its current value',
		options: [
			{
				displayName: 'Max Downloads',
				name: 'maxDownloads',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: LIMITS.maxDownloads },
				default: 0,
				description: 'How many times each customer can download the files. 0 means unlimited.',
				routing: { send: { type: 'body', property: 'max_downloads' } },
			},
			{
				displayName: 'Download Link Expiry (Days)',
				name: 'downloadIn',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: LIMITS.downloadInDays },
				default: 0,
				description: 'Days the download link stays valid after purchase. 0 means it never expires.',
				routing: { send: { type: 'body', property: 'download_in' } },
			},
		],
	},
];

export const digitalProductUpdateLimitsDescription = updateDisplayOptions(displayOptions, properties);
