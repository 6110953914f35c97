import type { INodeProperties } from 'n8n-workflow';
import { oneRequestRouting } from '../../shared/pagination';
import { singleRecordOutput } from '../../shared/output';
import { normalizeStatsWindow } from './hooks';
import { downloadStatsGetDescription } from './get';

export const downloadStatsDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['downloadStats'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get download stats',
				description: 'Get download counts, bandwidth and top files for a time window (default: last 30 days)',
				routing: oneRequestRouting({ method: 'GET', url: '/downloads/stats' }, singleRecordOutput, [normalizeStatsWindow]),
			},
		],
		default: 'get',
	},
	...downloadStatsGetDescription,
];
