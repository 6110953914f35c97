import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { validateSearchText } from './checks';

// Builders of the fields several operations share. Which resource and operation a field shows for is
// added by `resource()` (resources/resource.ts) from the operation the field belongs to.

/** An "Add Filter" / "Add Option" collection. */
function collection(name: 'filters' | 'options', options: INodeProperties[]): INodeProperties {
	return {
		displayName: name === 'filters' ? 'Filters' : 'Options',
		name,
		type: 'collection',
		placeholder: name === 'filters' ? 'Add Filter' : 'Add Option',
		default: {},
		options,
	};
}

export const filtersCollection = (options: INodeProperties[]) => collection('filters', options);
export const optionsCollection = (options: INodeProperties[]) => collection('options', options);

/** Return All and Limit for a list operation; paginateByCursor reads Limit unless Return All is on. */
export function returnAllAndLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { returnAll: [false] } },
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
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

const SORT_CHOICES = [
	{ name: 'Created At, Newest First', value: '-created_at' },
	{ name: 'Created At, Oldest First', value: 'created_at' },
	{ name: 'Newest First (by ID)', value: '-id' },
	{ name: 'Oldest First (by ID)', value: 'id' },
];
const SORT_DESCRIPTION = 'Order of the results; it is kept across pages';
const sortRouting = { send: { type: 'query' as const, property: 'sort' } };

/** Version 1 of the node: Sort inside Options (`options.sort`), as workflows saved with it hold it. */
const onlyVersion1 = { show: { '@version': [1] } };
/** From version 1.1: Sort in its own collection below Options (`sort.sortBy`), as n8n's UX guidelines ask. */
const fromVersion1_1 = { show: { '@version': [{ _cnd: { gte: 1.1 } }] } };

/**
 * The Options collection of a list and its sort: in version 1 one collection holding Sort, from 1.1
 * Options without it and a Sort collection below.
 */
export function listOptionsAndSort(options: INodeProperties[]): INodeProperties[] {
	const sortInOptions: INodeProperties = {
		displayName: 'Sort',
		name: 'sort',
		type: 'options',
		options: SORT_CHOICES,
		default: '-id',
		description: SORT_DESCRIPTION,
		routing: sortRouting,
	};
	return [
		{ ...optionsCollection([...options, sortInOptions]), displayOptions: onlyVersion1 },
		...(options.length > 0
			? [{ ...optionsCollection(options), displayOptions: fromVersion1_1 }]
			: []),
		{
			displayName: 'Sort',
			name: 'sort',
			type: 'collection',
			placeholder: 'Add Sort Rule',
			default: {},
			displayOptions: fromVersion1_1,
			options: [
				{
					displayName: 'Sort By',
					name: 'sortBy',
					type: 'options',
					options: SORT_CHOICES,
					default: '-id',
					description: SORT_DESCRIPTION,
					routing: sortRouting,
				},
			],
		},
	];
}

/**
 * The canvas subtitle: the chosen operation's action name ("Get many orders") rather than the raw
 * values ("getAll: order"), from the operation lists of `properties`.
 */
export function actionSubtitle(properties: INodeProperties[]): string {
	const actions = properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			((property.options ?? []) as INodePropertyOptions[]).map((option) => [
				`${property.displayOptions?.show?.resource?.[0]}:${option.value}`,
				option.action,
			]),
		);
	return `={{ (${JSON.stringify(Object.fromEntries(actions))})[$parameter["resource"] + ":" + $parameter["operation"]] }}`;
}
