import type { Operation } from '../resource';
import {
	filtersCollection,
	listOptionsAndSort,
	returnAllAndLimit,
	searchFilter,
} from '../../shared/descriptions';
import { cursorListRouting } from '../../routing/cursorList';

export const licenseKeyGetAll: Operation = {
	toolDescription:
		'List license keys, filtered by status (available or assigned), tag or search text.',
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many license keys',
		description: 'List keys in the inventory, e.g. available keys with a tag',
		routing: cursorListRouting('/license-keys'),
	},
	fields: [
		...returnAllAndLimit(),
		filtersCollection([
			searchFilter('key value', 'e.g. PLUG-ABCD'),
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Assigned', value: 'assigned', description: 'Consumed by an order' },
					{ name: 'Available', value: 'available', description: 'Not assigned to an order yet' },
				],
				default: 'available',
				description: 'Only keys that are still free, or only keys already given to an order',
				routing: { send: { type: 'query', property: 'status' } },
			},
			{
				displayName: 'Tag',
				name: 'tag',
				type: 'string',
				default: '',
				placeholder: 'e.g. photoshop-plugin',
				description: 'Only keys with exactly this tag',
				routing: { send: { type: 'query', property: 'tag' } },
			},
		]),
		...listOptionsAndSort([]),
	],
};
