import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit, searchFilter, sortOption } from '../../shared/descriptions';

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
			{
				displayName: 'Include Shopify Product',
				name: 'includeShopifyProduct',
				type: 'boolean',
				default: false,
				description:
					'Whether to attach the Shopify product title and image. Costs BigDD an extra call per product, so use it only when needed.',
				routing: { send: { type: 'query', property: 'include', value: '={{ $value ? "product" : undefined }}' } },
			},
			sortOption,
		],
	},
];
