import type { Operation } from '../resource';
import {
	filtersCollection,
	listOptionsAndSort,
	returnAllAndLimit,
	searchFilter,
} from '../../shared/descriptions';
import { cursorListRouting } from '../../routing/cursorList';

export const fileGetAll: Operation = {
	toolDescription:
		"List the files in the shop's library (ID, name, size, type). Use it to find a file's ID by its name.",
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many files',
		description: 'Get many files in the library, filtered by name, MIME type or upload status',
		routing: cursorListRouting('/files'),
	},
	fields: [
		...returnAllAndLimit(),
		filtersCollection([
			{
				displayName: 'MIME Type',
				name: 'type',
				type: 'string',
				default: '',
				placeholder: 'e.g. application/pdf',
				description: 'Only files of exactly this MIME type',
				routing: { send: { type: 'query', property: 'type' } },
			},
			searchFilter('file name', 'e.g. ebook'),
			{
				displayName: 'Uploaded',
				name: 'uploaded',
				type: 'boolean',
				default: true,
				description:
					'Whether to list only files whose upload completed (on) or only unfinished ones (off)',
				routing: { send: { type: 'query', property: 'uploaded' } },
			},
		]),
		...listOptionsAndSort([
			{
				displayName: 'Include Linked Products',
				name: 'includeProducts',
				type: 'boolean',
				default: false,
				description: 'Whether to attach the digital products each file is linked to',
				routing: {
					send: {
						type: 'query',
						property: 'include',
						value: '={{ $value ? "products" : undefined }}',
					},
				},
			},
		]),
	],
};
