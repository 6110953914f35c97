import type { INodeProperties } from 'n8n-workflow';
import { lineIdField, orderIdField } from './fields';

const showOnlyForOrderResetDownloads = { resource: ['order'], operation: ['resetDownloads'] };

export const orderResetDownloadsDescription: INodeProperties[] = [
	{ ...orderIdField, displayOptions: { show: showOnlyForOrderResetDownloads } },
	{
		...lineIdField,
		description: 'The order line whose download count goes back to zero',
		displayOptions: { show: showOnlyForOrderResetDownloads },
		routing: { send: { type: 'body', property: 'line_id' } },
	},
];
