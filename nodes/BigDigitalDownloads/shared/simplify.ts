import type { IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

const ORDER_FIELDS = ['id', 'name', 'created_at', 'financial_status', 'fulfillment_status', 'dl_access', 'customer', 'lines'];

/**
 * What Simplify keeps, by resource: the fields most workflows map from records of more than 10 fields
 * (orders, also a customer's, and digital products).
 */
const SIMPLIFIED_FIELDS: Record<string, string[]> = {
	order: ORDER_FIELDS,
	customer: ORDER_FIELDS,
	digitalProduct: ['id', 'name', 'is_archived', 'delivering_type', 'max_downloads', 'download_in', 'files', 'product', 'created_at'],
};

/** n8n's Simplify toggle; off by default, so workflows saved before it keep their full records. */
export function simplifyToggle(): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: false,
		description: 'Whether to return a simplified version of the response instead of the raw data',
	};
}

/** The items as the item's Simplify asks: each record cut down to its resource's main fields, or unchanged. */
export function simplifiedIfAsked(context: IExecuteSingleFunctions, items: INodeExecutionData[]): INodeExecutionData[] {
	const fields = SIMPLIFIED_FIELDS[context.getNodeParameter('resource', '') as string];
	if (!fields || context.getNodeParameter('simplify', false) !== true) return items;
	return items.map((item) => ({ ...item, json: Object.fromEntries(fields.filter((field) => field in item.json).map((field) => [field, item.json[field]])) }));
}

/** postReceive: Simplify for an operation on one record. */
export async function simplifyRecord(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return simplifiedIfAsked(this, items);
}
