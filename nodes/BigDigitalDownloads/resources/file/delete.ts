import type { INodeProperties } from 'n8n-workflow';
import { fileIdField } from './fields';

const showOnlyForFileDelete = { resource: ['file'], operation: ['delete'] };

export const fileDeleteDescription: INodeProperties[] = [
	{
		...fileIdField,
		description: 'A file attached to no digital product, order line or download link (BigDD refuses otherwise)',
		displayOptions: { show: showOnlyForFileDelete },
	},
];
