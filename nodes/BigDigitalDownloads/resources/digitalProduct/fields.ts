// Fields and facts several Digital Product operations share.
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { RecordFields } from '../../routing/simplify';
import { recordLocator } from '../../listSearch/recordSearches';
import type { IdField } from '../../routing/pathIds';
import type { ItemParameters } from '../../routing/oneRecord';

export const PRODUCT_ID: IdField = { name: 'productId', label: 'Digital Product ID' };
/** The path of the item's digital product. */
export const productUrl = (item: ItemParameters) =>
	`/digital-products/${encodeURIComponent(item.id(PRODUCT_ID))}`;

/** The query of Include Shopify Product (Options), as Get Many sends it through its routing. */
export function productInclude(item: ItemParameters): IDataObject {
	const { includeShopifyProduct } = item.get('options', {}) as IDataObject;
	return includeShopifyProduct ? { include: 'product' } : {};
}

/** A digital product's fields, and what Simplify keeps of it. */
export const PRODUCT_FIELDS: RecordFields = {
	all: [
		'id',
		'name',
		'delivering_type',
		'access',
		'download_mode',
		'download_type',
		'product_gid',
		'variant_gids',
		'use_all_variants',
		'license_key_tag',
		'license_key_mode',
		'download_in',
		'max_downloads',
		'notify_when_updated',
		'scheduled_delivery_date',
		'scheduled_delivery_timezone',
		'is_archived',
		'files',
		'links',
		'product',
		'created_at',
		'updated_at',
	],
	simplified: [
		'id',
		'name',
		'is_archived',
		'delivering_type',
		'max_downloads',
		'download_in',
		'files',
		'product',
		'created_at',
	],
};

export const digitalProductIdField: INodeProperties = recordLocator({
	displayName: 'Digital Product',
	name: PRODUCT_ID.name,
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
	routing: {
		send: { type: 'query', property: 'include', value: '={{ $value ? "product" : undefined }}' },
	},
};
