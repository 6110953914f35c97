import type { INodeProperties } from 'n8n-workflow';
import { filtersCollection, optionsCollection, returnAllAndLimit, searchFilter, sortOption } from '../../shared/descriptions';
import { simplifyToggle } from '../../shared/simplify';
import { includeShopifyProductOption } from './fields';

const showOnlyForDigitalProductGetMany = { resource: ['digitalProduct'], operation: ['getAll'] };

export const digitalProductGetAllDescription: INodeProperties[] = [
	...returnAllAndLimit(showOnlyForDigitalProductGetMany),
	simplifyToggle(showOnlyForDigitalProductGetMany),
	filtersCollection(showOnlyForDigitalProductGetMany, [
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
	optionsCollection(showOnlyForDigitalProductGetMany, [
		includeShopifyProductOption,
		sortOption,
	]),
];
