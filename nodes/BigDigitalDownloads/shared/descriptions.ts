import type { INodeProperties } from 'n8n-workflow';
import { validateSearchText } from './validation';

type ShowFor = { resource: string[]; operation: string[] };

/** An "Add Filter" / "Add Option" collection shown for one operation. */
function collection(name: 'filters' | 'options', showFor: ShowFor, options: INodeProperties[]): INodeProperties {
	return {
		displayName: name === 'filters' ? 'Filters' : 'Options',
		name,
		type: 'collection',
		placeholder: name === 'filters' ? 'Add Filter' : 'Add Option',
		displayOptions: { show: showFor },
		default: {},
		options,
	};
}

export const filtersCollection = (showFor: ShowFor, options: INodeProperties[]) => collection('filters', showFor, options);
export const optionsCollection = (showFor: ShowFor, options: INodeProperties[]) => collection('options', showFor, options);

/** Return All and Limit for a list operation; paginateByCursor reads both. */
export function returnAllAndLimit(showFor: ShowFor): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions: { show: showFor },
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { ...showFor, returnAll: [false] } },
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			routing: { output: { maxResults: '={{$value}}' } },
		},
	];
}

/** The `q` search every list takes (at most 120 characters). */
export function searchFilter(what: string, placeholder: string): INodeProperties {
	return {
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		placeholder,
		description: `Search by ${what} (at most 120 characters)`,
		routing: { send: { type: 'query', property: 'q', preSend: [validateSearchText] } },
	};
}

/** The `sort` every list takes. */
export const sortOption: INodeProperties = {
	displayName: 'Sort',
	name: 'sort',
	type: 'options',
	options: [
		{ name: 'Newest First (by ID)', value: '-id' },
		{ name: 'Oldest First (by ID)', value: 'id' },
		{ name: 'Created At, Oldest First', value: 'created_at' },
		{ name: 'Created At, Newest First', value: '-created_at' },
	],
	default: '-id',
	description: 'Order of the results; it is kept across pages',
	routing: { send: { type: 'query', property: 'sort' } },
};
