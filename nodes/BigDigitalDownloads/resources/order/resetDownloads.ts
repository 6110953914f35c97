import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { lineIdField, orderIdField } from './fields';

const displayOptions = { show: { resource: ['order'], operation: ['resetDownloads'] } };

const properties: INodeProperties[] = [
	orderIdField,
	{
		...lineIdField,
		description: 'The order line whose download count goes back to zero',
		routing: { send: { type: 'body', property: 'line_id' } },
	},
];

export const orderResetDownloadsDescription = updateDisplayOptions(displayOptions, properties);
