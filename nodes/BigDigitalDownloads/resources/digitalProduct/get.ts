import type { Operation } from '../resource';
import { optionsCollection } from '../../shared/descriptions';
import { recordOutputFields } from '../../routing/simplify';
import { includeShopifyProductOption, PRODUCT_FIELDS, productInclude, productUrl } from './fields';

export const digitalProductGet: Operation = {
	toolDescription:
		'Get one digital product by its BigDD ID: its files (files[].id), download limit (max_downloads), link expiry (download_in, days) and settings. Use it to find the files a customer bought.',
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get digital product',
		description: 'Get one digital product with its files, limits and delivery settings',
	},
	oneRecord: {
		request: (item) => ({ method: 'GET', url: productUrl(item), qs: productInclude(item) }),
		recordFields: PRODUCT_FIELDS,
	},
	fields: [...recordOutputFields(PRODUCT_FIELDS), optionsCollection([includeShopifyProductOption])],
};
