// @ts-check
'use strict';

// Files (BigDD's file library), as the node's File resource uses them.
const crypto = require('node:crypto');
const { HttpError, badRequest, notFound, conflict } = require('../http-error');
const { paginate } = require('../pagination');
const { one, searchText, booleanParam, includes } = require('../query');
const { makeId } = require('../seed');

/** @typedef {import('../shop').Shop} Shop */

const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** A file as the API shows it: without the checksum the server keeps for tests. */
const presentFile = (/** @type {Shop['files'][number] & { sha256?: string }} */ file) => {
	const { sha256: _sha256, ...visible } = file;
	return visible;
};

/** Where a file is still used; BigDD refuses to delete such a file. */
function fileAttachments(/** @type {Shop} */ shop, /** @type {string} */ id) {
	const places = [];
	if (shop.products.some((p) => p.file_ids.includes(id))) places.push('a digital product');
	if (shop.orders.some((o) => o.lines.some((l) => l.file_ids.includes(id))))
		places.push('an order line');
	if (shop.downloadLinks.some((l) => l.file_ids.includes(id))) places.push('a download link');
	return places;
}

/** @type {import('../router').Route[]} */
const routes = [
	[
		'GET',
		'/files',
		({ shop, query }) => {
			const q = searchText(query);
			const type = one(query, 'type');
			const uploaded = booleanParam(query, 'uploaded');
			const include = includes(query, ['products']);
			const matching = shop.files.filter(
				(f) =>
					(!q || f.name.toLowerCase().includes(q)) &&
					(!type || f.type === type) &&
					(uploaded === undefined || f.uploaded === uploaded),
			);
			const page = paginate(matching, query);
			const data = page.data.map((f) => ({
				...presentFile(f),
				...(include.has('products')
					? {
							products: shop.products
								.filter((p) => p.file_ids.includes(f.id))
								.map((p) => ({ id: p.id, name: p.name })),
						}
					: {}),
			}));
			return { body: { ...page, data } };
		},
	],
	[
		'POST',
		'/files',
		({ shop, multipart }) => {
			shop.consumeUploadSlot();
			const { files } = multipart();
			const file = files.find((f) => f.field === 'file');
			if (!file) throw badRequest('Send the file as multipart/form-data in a field named "file"');
			if (file.data.length > MAX_UPLOAD_BYTES)
				throw new HttpError(413, 'file_too_large', 'File exceeds the 25 MB limit');
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
		},
	],
	[
		'DELETE',
		'/files/:id',
		({ shop, params }) => {
			const file = shop.filesById.get(params.id);
			if (!file) throw notFound('File', params.id);
			const places = fileAttachments(shop, params.id);
			if (places.length > 0)
				throw conflict(
					`File ${params.id} is still attached to ${places.join(', ')}. Detach it first, then delete.`,
				);
			shop.files.splice(shop.files.indexOf(file), 1);
			shop.filesById.delete(params.id);
			return { body: { data: { id: params.id, deleted: true } } };
		},
	],
];

module.exports = { routes, presentFile };
