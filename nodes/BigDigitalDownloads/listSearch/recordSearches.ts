import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodeProperties,
} from 'n8n-workflow';
import { LIMITS } from '../shared/limits';
import { requestBigdd } from '../transport/request';

/** How many records one page of a From List picker shows; scrolling asks BigDD for the next page. */
const PICKER_PAGE_SIZE = 50;

/**
 * A record field as n8n's guidelines want it: pick From List (searchable, paged through BigDD) or type
 * By ID. A saved workflow that holds a plain ID keeps working: n8n reads it as the By ID value.
 */
export function recordLocator(field: {
	displayName: string;
	name: string;
	description: string;
	searchListMethod: keyof typeof recordSearches;
	placeholder: string;
}): INodeProperties {
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: field.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select…',
				typeOptions: { searchListMethod: field.searchListMethod, searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: field.placeholder },
		],
	};
}

/**
 * One page of a BigDD list for a picker, sent like every other request of the node (429s waited out,
 * errors with hints, secrets removed): `q` searches as the list's own Search filter does.
 */
async function searchPage(
	context: ILoadOptionsFunctions,
	path: string,
	toItem: (record: IDataObject) => INodeListSearchItems,
	filter?: string,
	cursor?: string,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = { limit: PICKER_PAGE_SIZE };
	if (filter?.trim()) qs.q = filter.trim().slice(0, LIMITS.searchText);
	if (cursor) qs.cursor = cursor;
	const page = (await requestBigdd.call(
		context,
		{ method: 'GET', url: path, qs, json: true },
		{ itemIndex: 0, rules: {} },
		{ safeToRepeat: true },
	)) as { data?: IDataObject[]; pagination?: { has_more?: boolean; next_cursor?: string } };
	return {
		results: (page.data ?? []).map(toItem),
		paginationToken: page.pagination?.has_more ? page.pagination.next_cursor : undefined,
	};
}

const item = (name: unknown, id: unknown): INodeListSearchItems => ({
	name: String(name),
	value: String(id),
});

/** The node's `listSearch` methods, one per record type with a picker. */
export const recordSearches = {
	async searchDigitalProducts(this: ILoadOptionsFunctions, filter?: string, cursor?: string) {
		return await searchPage(this, '/digital-products', (p) => item(p.name, p.id), filter, cursor);
	},
	async searchOrders(this: ILoadOptionsFunctions, filter?: string, cursor?: string) {
		const label = (o: IDataObject) =>
			`${o.name}${(o.customer as IDataObject | undefined)?.email ? ` — ${(o.customer as IDataObject).email}` : ''}`;
		return await searchPage(this, '/orders', (o) => item(label(o), o.id), filter, cursor);
	},
	async searchFiles(this: ILoadOptionsFunctions, filter?: string, cursor?: string) {
		return await searchPage(this, '/files', (f) => item(f.name, f.id), filter, cursor);
	},
	async searchLicenseKeys(this: ILoadOptionsFunctions, filter?: string, cursor?: string) {
		const label = (k: IDataObject) =>
			`${k.key}${k.order_name ? ` (assigned to ${k.order_name})` : ' (available)'}`;
		return await searchPage(this, '/license-keys', (k) => item(label(k), k.id), filter, cursor);
	},
};
