import type { INodeProperties } from 'n8n-workflow';
import { downloadLinkCreateDescription } from './create';

export const downloadLinkDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['downloadLink'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create download link',
				description: 'Bundle files into a secure download URL, optionally limited and PDF-watermarked',
			},
		],
		default: 'create',
	},
	...downloadLinkCreateDescription,
];
