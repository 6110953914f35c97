// @ts-check
'use strict';

const crypto = require('node:crypto');
const { HttpError, badRequest, notFound, conflict } = require('../http-error');
const { paginate } = require('../pagination');
const { one, searchText, booleanParam, includes } = require('../query');
const { makeId } = require('../seed');

const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** @param {any} file */
const presentFile = (file) => {
	const { sha256, ...visible } = file;
	return visible;
};

/** @param {any} shop @param {any} product @param {Set<string>} include */
function presentProduct(shop, product, include) {
	const { file_ids: fileIds, shopify_product: shopifyProduct, ...visible } = product;
	const files = fileIds.map((/** @type {string} */ id) => {
		const { created_at: _c, updated_at: _u, ...file } = presentFile(shop.filesById.get(id));
		return file;
	});
	return { ...visible, files, ...(include.has('product') ? { product: shopifyProduct } : {}) };
}

/** @param {any} shop @param {string} id */
function findProduct(shop, id) {
	const product = shop.products.find((/** @type {any} */ p) => p.id === id);
	if (!product) throw notFound('Digital product', id);
	return product;
}

/** Integer in [0, max] or null; BigDD treats 0 and null alike (unlimited). */
function limitValue(/** @type {any} */ value, /** @type {string} */ name, /** @type {number} */ max) {
	if (value === null || value === undefined) return null;
	if (!Number.isInteger(value) || value < 0 || value > max) {
		throw badRequest(`${name} must be an integer between 0 and ${max.toLocaleString('en-US')}, or null`);
	}
	return value === 0 ? null : value;
}

/** Where a file is still used; BigDD refuses to delete such a file. */
function fileAttachments(/** @type {any} */ shop, /** @type {string} */ id) {
	const places = [];
	if (shop.products.some((/** @type {any} */ p) => p.file_ids.includes(id))) places.push('a digital product');
	if (shop.orders.some((/** @type {any} */ o) => o.lines.some((/** @type {any} */ l) => l.file_ids.includes(id)))) places.push('an order line');
	if (shop.downloadLinks.some((/** @type {any} */ l) => l.file_ids.includes(id))) places.push('a download link');
	return places;
}

/** @type {import('../router').Route[]} */
const routes = [
	['GET', '/digital-products', ({ shop, query }) => {
		const archived = booleanParam(query, 'include_archived') ?? false;
		const q = searchText(query);
		const include = includes(query, ['product']);
		const matching = shop.products.filter((/** @type {any} */ p) => (archived || !p.is_archived) && (!q || p.name.toLowerCase().includes(q)));
		const page = paginate(matching, query);
		return { body: { ...page, data: page.data.map((p) => presentProduct(shop, p, include)) } };
	}],
	['GET', '/digital-products/:id', ({ shop, params, query }) => ({
		body: { data: presentProduct(shop, findProduct(shop, params.id), includes(query, ['product'])) },
	})],
	['PUT', '/digital-products/:id/limits', ({ shop, params, json }) => {
		const product = findProduct(shop, params.id);
		const body = json();
		if (!('max_downloads' in body) && !('download_in' in body)) {
			throw badRequest('Provide max_downloads, download_in or both');
		}
		if ('max_downloads' in body) product.max_downloads = limitValue(body.max_downloads, 'max_downloads', 1_000_000);
		if ('download_in' in body) product.download_in = limitValue(body.download_in, 'download_in', 100_000);
		product.updated_at = shop.now();
		return { body: { data: presentProduct(shop, product, new Set()) } };
	}],

	['GET', '/files', ({ shop, query }) => {
		const q = searchText(query);
		const type = one(query, 'type');
		const uploaded = booleanParam(query, 'uploaded');
		const include = includes(query, ['products']);
		const matching = shop.files.filter((/** @type {any} */ f) =>
			(!q || f.name.toLowerCase().includes(q)) && (!type || f.type === type) && (uploaded === undefined || f.uploaded === uploaded));
		const page = paginate(matching, query);
		const data = page.data.map((f) => ({
			...presentFile(f),
			...(include.has('products')
				? { products: shop.products.filter((/** @type {any} */ p) => p.file_ids.includes(f.id)).map((/** @type {any} */ p) => ({ id: p.id, name: p.name })) }
				: {}),
		}));
		return { body: { ...page, data } };
	}],
	['POST', '/files', ({ shop, multipart }) => {
		shop.consumeUploadSlot();
		const { files } = multipart();
		const file = files.find((f) => f.field === 'file');
		if (!file) throw badRequest('Send the file as multipart/form-data in a field named "file"');
		if (file.data.length > MAX_UPLOAD_BYTES) throw new HttpError(413, 'file_too_large', 'File exceeds the 25 MB limit');
		if (!file.filename) throw badRequest('The file part needs a filename');
		const time = Date.now();
		const record = {
			id: makeId(time, 1, shop.nextCounter()),
			name: file.filename,
			size: file.data.length,
			type: file.contentType || 'application/octet-stream',
			is_encrypted: false,
			uploaded: true,
			sha256: crypto.createHash('sha256').update(file.data).digest('hex'),
			created_at: new Date(time).toISOString(),
			updated_at: new Date(time).toISOString(),
		};
		shop.files.push(record);
		shop.filesById.set(record.id, record);
		return { status: 201, body: { data: presentFile(record) } };
	}],
	['DELETE', '/files/:id', ({ shop, params }) => {
		const file = shop.filesById.get(params.id);
		if (!file) throw notFound('File', params.id);
		const places = fileAttachments(shop, params.id);
		if (places.length > 0) throw conflict(`File ${params.id} is still attached to ${places.join(', ')}. Detach it first, then delete.`);
		shop.files.splice(shop.files.indexOf(file), 1);
		shop.filesById.delete(params.id);
		return { body: { data: { id: params.id, deleted: true } } };
	}],

	['POST', '/download-links', ({ shop, json }) => {
		const body = json();
		const fileIds = body.file_ids;
		if (!Array.isArray(fileIds) || fileIds.length < 1 || fileIds.length > 100 || fileIds.some((id) => typeof id !== 'string')) {
			throw badRequest('file_ids must be an array of 1 to 100 file IDs');
		}
		for (const id of fileIds) if (!shop.filesById.has(id)) throw notFound('File', id);
		for (const flag of ['use_download_limit', 'use_stamping']) {
			if (flag in body && typeof body[flag] !== 'boolean') throw badRequest(`${flag} must be a boolean`);
		}
		if ('download_limit' in body && (!Number.isInteger(body.download_limit) || body.download_limit < 0)) {
			throw badRequest('download_limit must be a non-negative integer');
		}
		if ('stamping_text' in body && (typeof body.stamping_text !== 'string' || body.stamping_text.length > 500)) {
			throw badRequest('stamping_text must be a string of at most 500 characters');
		}
		const time = Date.now();
		const id = makeId(time, 8, shop.nextCounter());
		const link = {
			id,
			url: `${shop.publicUrl}/dl/${id}`,
			file_ids: fileIds,
			use_download_limit: body.use_download_limit ?? false,
			download_limit: body.use_download_limit ? (body.download_limit ?? 0) : null,
			use_stamping: body.use_stamping ?? false,
			stamping_text: body.use_stamping ? (body.stamping_text ?? null) : null,
			created_at: new Date(time).toISOString(),
		};
		shop.downloadLinks.push(link);
		return { status: 201, body: { data: link } };
	}],
];

module.exports = { routes };
