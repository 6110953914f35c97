import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit, searchFilter, sortOption } from '../../shared/descriptions';
import { includeShopifyProductOption } from './fields';

const showOnlyForDigitalProductGetMany = { resource: ['digitalProduct'], operation: ['getAll'] };

export const digitalProductGetAllDescription: INodeProperties[] = [
	...returnAllAndLimit(showOnlyForDigitalProductGetMany),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		displayOptions: { show: showOnlyForDigitalProductGetMany },
		default: {},
		options: [
			{
				displayName: 'Include Archived',
				name: 'includeArchived',
				type: 'boolean',
				default: false,
				description: 'Whether to include archived products',
				routing: { send: { type: 'query', property: 'include_archived' } },
			},
			searchFilter('product name', 'e.g. Preset Pack'),
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		displayOptions: { show: showOnlyForDigitalProductGetMany },
		default: {},
		options: [
			includeShopifyProductOption,
			sortOption,
		],
	},
];
