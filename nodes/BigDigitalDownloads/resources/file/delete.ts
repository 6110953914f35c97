import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { fileIdField } from './fields';

const displayOptions = { show: { resource: ['file'], operation: ['delete'] } };

const properties: INodeProperties[] = [
	{
		...fileIdField,
		description: 'A file attached to no digital product, order line or download link (BigDD refuses otherwise)',
	},
];

export const fileDeleteDescription = updateDisplayOptions(displayOptions, properties);
