import type { Operation } from '../resource';
import {
	filtersCollection,
	listOptionsAndSort,
	returnAllAndLimit,
	searchFilter,
} from '../../shared/descriptions';
import { cursorListRouting } from '../../routing/cursorList';
import { recordOutputFields } from '../../routing/simplify';
import { includeShopifyProductOption, PRODUCT_FIELDS } from './fields';

export const digitalProductGetAll: Operation = {
	toolDescription:
		"List the shop's digital products (ID, name, files, limits). Use it to find a product's ID by its name.",
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many digital products',
		description: 'List digital products to find their IDs, delivery types, limits and files',
		routing: cursorListRouting('/digital-products', { recordFields: PRODUCT_FIELDS }),
	},
	fields: [
		...returnAllAndLimit(),
		...recordOutputFields(PRODUCT_FIELDS),
		filtersCollection([
			{
				displayName: 'Include Archived',
				name: 'includeArchived',
				type: 'boolean',
				default: false,
				description: 'Whether to include archived products',
				routing: { send: { type: 'query', property: 'include_archived' } },
			},
			searchFilter('product name', 'e.g. Preset Pack'),
		]),
		...listOptionsAndSort([includeShopifyProductOption]),
	],
};
