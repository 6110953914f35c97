import type { INodeProperties } from 'n8n-workflow';

export const fileIdField: INodeProperties = {
	displayName: 'File ID',
	name: 'fileId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. file_aaa111',
	description: 'The BigDD ID of the file, from Get Many files or a digital product\'s "files"',
};
