import type { INodeProperties } from 'n8n-workflow';

export const orderIdField: INodeProperties = {
	displayName: 'Order ID',
	name: 'orderId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. abc123def456ghi789jkl012',
	description: 'The BigDD ID of the order (not the Shopify order number). Get Many finds it by email or order name.',
};

export const lineIdField: INodeProperties = {
	displayName: 'Line ID',
	name: 'lineId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. line_001',
	description: 'The ID of the order line, from the order\'s "lines" (Get an order)',
};

export const includeOrderDetailsOption: INodeProperties = {
	displayName: 'Include',
	name: 'include',
	type: 'multiOptions',
	options: [
		{ name: 'Download Events', value: 'downloads', description: 'The download events recorded for each line' },
		{ name: 'Shopify Product', value: 'product', description: 'The Shopify product title and image of each line' },
	],
	default: [],
	description: 'Extra details to attach to each order line',
	routing: { send: { type: 'query', property: 'include' } },
};
