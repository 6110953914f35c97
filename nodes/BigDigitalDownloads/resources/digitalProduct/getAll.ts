import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { filtersCollection, listOptionsAndSort, returnAllAndLimit, searchFilter } from '../../shared/descriptions';
import { simplifyToggle } from '../../shared/simplify';
import { includeShopifyProductOption } from './fields';

const displayOptions = { show: { resource: ['digitalProduct'], operation: ['getAll'] } };

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	simplifyToggle(),
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
	...listOptionsAndSort([
		includeShopifyProductOption,
	]),
];

export const digitalProductGetAllDescription = updateDisplayOptions(displayOptions, properties);
