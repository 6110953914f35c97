import type { INodeProperties } from 'n8n-workflow';
import { recordLocator } from '../../shared/recordLocators';

export const orderIdField: INodeProperties = recordLocator({
	displayName: 'Order',
	name: 'orderId',
	description: 'The BigDD order (not the Shopify order number). Search by order name, e.g. #1001.',
	searchListMethod: 'searchOrders',
	placeholder: 'e.g. 6789abcdef0123456789abcd',
});

export const lineIdField: INodeProperties = {
	displayName: 'Line ID',
	name: 'lineId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. line_001',
	description: 'The ID of the order line, from the order\'s "lines" (Get order)',
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
