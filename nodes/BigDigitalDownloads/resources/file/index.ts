import type { INodeProperties } from 'n8n-workflow';
import { deletedRecordOutput } from '../../shared/output';
import { cursorListRouting, oneRequestRouting } from '../../shared/pagination';
import { fillPathIds } from '../../shared/validation';
import { fileDeleteDescription } from './delete';
import { fileGetAllDescription } from './getAll';
import { fileUploadDescription } from './upload';

export const fileDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['file'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete file',
				description: 'Remove a file from storage and the library; it must be detached first',
				routing: oneRequestRouting({ method: 'DELETE', url: '/files/{fileId}' }, deletedRecordOutput, [fillPathIds]),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many files',
				description: 'Get many files in the library, filtered by name, MIME type or upload status',
				routing: cursorListRouting('/files'),
			},
			{
				// Runs as a custom operation (see BigDigitalDownloads.node.ts): multipart body, waits on 429.
				name: 'Upload',
				value: 'upload',
				action: 'Upload file',
				description: 'Upload a binary file (up to 25 MB) to the BigDD file library',
			},
		],
		default: 'getAll',
	},
	...fileDeleteDescription,
	...fileGetAllDescription,
	...fileUploadDescription,
];
