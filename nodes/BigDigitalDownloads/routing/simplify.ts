import type { IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

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

/** The items as the item's Simplify asks: each record cut down to `fields`, or unchanged. */
export function simplifyRecords(context: IExecuteSingleFunctions, items: INodeExecutionData[], fields: readonly string[] | undefined): INodeExecutionData[] {
	if (!fields || context.getNodeParameter('simplify', false) !== true) return items;
	return items.map((item) => ({ ...item, json: Object.fromEntries(fields.filter((field) => field in item.json).map((field) => [field, item.json[field]])) }));
}
