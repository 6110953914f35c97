import type { INodeProperties } from 'n8n-workflow';

export const digitalProductIdField: INodeProperties = {
	displayName: 'Digital Product ID',
	name: 'productId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 6789abcdef0123456789abcd',
	description: 'The BigDD ID of the digital product (not the Shopify product ID). Get Many lists them.',
};

export const includeShopifyProductOption: INodeProperties = {
	displayName: 'Include Shopify Product',
	name: 'includeShopifyProduct',
	type: 'boolean',
	default: false,
	description:
		'Whether to attach the Shopify product title and image. Costs BigDD an extra call per product, so use it only when needed.',
	routing: { send: { type: 'query', property: 'include', value: '={{ $value ? "product" : undefined }}' } },
};
