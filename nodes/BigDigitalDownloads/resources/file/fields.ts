import type { INodeProperties } from 'n8n-workflow';
import { recordLocator } from '../../listSearch/recordSearches';
import type { IdField } from '../../routing/pathIds';

export const FILE_ID: IdField = { name: 'fileId', label: 'File ID' };

export const fileIdField: INodeProperties = recordLocator({
	displayName: 'File',
	name: FILE_ID.name,
	description: 'The BigDD file. Search by file name.',
	searchListMethod: 'searchFiles',
	placeholder: 'e.g. 6789abcdef0123456789abcd',
});
