import type { Operation } from '../resource';
import { recordLocator } from '../../listSearch/recordSearches';
import type { IdField } from '../../routing/pathIds';

const FILE_ID: IdField = { name: 'fileId', label: 'File ID' };

export const fileDelete: Operation = {
	toolDescription:
		"Delete a file from the shop's library by its ID. Cannot be undone; BigDD refuses while the file is attached to a product.",
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete file',
		description: 'Remove a file from storage and the library; it must be detached first',
	},
	oneRecord: {
		request: (item) => ({
			method: 'DELETE',
			url: `/files/${encodeURIComponent(item.id(FILE_ID))}`,
		}),
		output: 'deleted',
		conflictHint:
			'The file is still attached to a digital product, an order line or a download link. Detach it first, then delete.',
	},
	fields: [
		recordLocator({
			displayName: 'File',
			name: FILE_ID.name,
			description:
				'A file attached to no digital product, order line or download link (BigDD refuses otherwise)',
			searchListMethod: 'searchFiles',
			placeholder: 'e.g. 6789abcdef0123456789abcd',
		}),
	],
};
