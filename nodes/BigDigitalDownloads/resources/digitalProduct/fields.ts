import type { INodeProperties } from 'n8n-workflow';
import { recordLocator } from '../../shared/recordLocators';

export const digitalProductIdField: INodeProperties = recordLocator({
	displayName: 'Digital Product',
	name: 'productId',
	description: 'The BigDD digital product (not the Shopify product). Search by name.',
	searchListMethod: 'searchDigitalProducts',
	placeholder: 'e.g. 6789abcdef0123456789abcd',
});

export const includeShopifyProductOption: INodeProperties = {
	displayName: 'Include Shopify Product',
	name: 'includeShopifyProduct',
	type: 'boolean',
	default: false,
	description:
		'Whether to attach the Shopify product title and image. Costs BigDD an extra call per product, so use it only when needed.',
	routing: { send: { type: 'query', property: 'include', value: '={{ $value ? "product" : undefined }}' } },
};
