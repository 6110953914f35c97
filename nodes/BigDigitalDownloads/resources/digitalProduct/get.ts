import type { Operation } from '../../shared/operation';
import { optionsCollection } from '../../shared/descriptions';
import { oneRecordRouting } from '../../routing/oneRecord';
import { fillPathIds } from '../../routing/pathIds';
import { recordOutputFields } from '../../routing/simplify';
import { includeShopifyProductOption, PRODUCT_ID, PRODUCT_URL, PRODUCT_FIELDS } from './fields';

export const digitalProductGet: Operation = {
	toolDescription:
		'Get one digital product by its BigDD ID: its files (files[].id), download limit (max_downloads), link expiry (download_in, days) and settings. Use it to find the files a customer bought.',
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get digital product',
		description: 'Get one digital product with its files, limits and delivery settings',
		routing: oneRecordRouting(
			{ method: 'GET', url: PRODUCT_URL },
			{ preSend: [fillPathIds(PRODUCT_ID)], recordFields: PRODUCT_FIELDS },
		),
	},
	fields: [...recordOutputFields(PRODUCT_FIELDS), optionsCollection([includeShopifyProductOption])],
};
