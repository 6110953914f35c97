import type { INodeProperties } from 'n8n-workflow';
import { recordLocator } from '../../shared/recordLocators';

export const fileIdField: INodeProperties = recordLocator({
	displayName: 'File',
	name: 'fileId',
	description: 'The BigDD file. Search by file name.',
	searchListMethod: 'searchFiles',
	placeholder: 'e.g. 6789abcdef0123456789abcd',
});
