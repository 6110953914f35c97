// @ts-check
'use strict';

// Digital products, as the node's Digital Product resource uses them.
const { badRequest, notFound } = require('../http-error');
const { paginate } = require('../pagination');
const { searchText, booleanParam, includes } = require('../query');
const { presentFile } = require('./file');

/** @typedef {import('../shop').Shop} Shop */

/** @param {Shop} shop @param {Shop['products'][number]} product @param {Set<string>} include */
function presentProduct(shop, product, include) {
	const { file_ids: fileIds, shopify_product: shopifyProduct, ...visible } = product;
	const files = fileIds.flatMap((id) => {
		const file = shop.filesById.get(id);
		if (!file) return [];
		const { created_at: _c, updated_at: _u, ...shown } = presentFile(file);
		return [shown];
	});
	return { ...visible, files, ...(include.has('product') ? { product: shopifyProduct } : {}) };
}

function findProduct(/** @type {Shop} */ shop, /** @type {string} */ id) {
	const product = shop.products.find((p) => p.id === id);
	if (!product) throw notFound('Digital product', id);
	return product;
}

/** Integer in [0, max] or null; BigDD treats 0 and null alike (unlimited). */
function limitValue(
	/** @type {unknown} */ value,
	/** @type {string} */ name,
	/** @type {number} */ max,
) {
	if (value === null || value === undefined) return null;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
		throw badRequest(
			`${name} must be an integer between 0 and ${max.toLocaleString('en-US')}, or null`,
		);
	}
	return value === 0 ? null : value;
}

/** @type {import('../router').Route[]} */
const routes = [
	[
		'GET',
		'/digital-products',
		({ shop, query }) => {
			const archived = booleanParam(query, 'include_archived') ?? false;
			const q = searchText(query);
			const include = includes(query, ['product']);
			const matching = shop.products.filter(
				(p) => (archived || !p.is_archived) && (!q || p.name.toLowerCase().includes(q)),
			);
			const page = paginate(matching, query);
			return { body: { ...page, data: page.data.map((p) => presentProduct(shop, p, include)) } };
		},
	],
	[
		'GET',
		'/digital-products/:id',
		({ shop, params, query }) => ({
			body: {
				data: presentProduct(shop, findProduct(shop, params.id), includes(query, ['product'])),
			},
		}),
	],
	[
		'PUT',
		'/digital-products/:id/limits',
		({ shop, params, json }) => {
			const product = findProduct(shop, params.id);
			const body = json();
			if (!('max_downloads' in body) && !('download_in' in body)) {
				throw badRequest('Provide max_downloads, download_in or both');
			}
			if ('max_downloads' in body)
				product.max_downloads = limitValue(body.max_downloads, 'max_downloads', 1_000_000);
			if ('download_in' in body)
				product.download_in = limitValue(body.download_in, 'download_in', 100_000);
			product.updated_at = shop.now();
			return { body: { data: presentProduct(shop, product, new Set()) } };
		},
	],
];

module.exports = { routes };
