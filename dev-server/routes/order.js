// @ts-check
'use strict';

// Orders, as the node's Order resource uses them.
const { badRequest, notFound } = require('../http-error');
const { paginate } = require('../pagination');
const { one, many, oneOf, searchText, dateParam, includes } = require('../query');
const { FINANCIAL_STATUSES } = require('../seed');

/** @typedef {import('../shop').Shop} Shop */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** @param {Shop} shop @param {Shop['orders'][number]} order @param {Set<string>} include */
function presentOrder(shop, order, include) {
	const lines = order.lines.map((line) => {
		const product = shop.products.find((p) => p.id === line.digital_product_id);
		if (!product) throw new Error(`order line ${line.id} has no product`);
		const { digital_product_id: _p, file_ids: fileIds, download_count: _d, ...visible } = line;
		return {
			...visible,
			digital_product: { id: product.id, name: product.name },
			...(line.delivering_type === 'UNIQUE' ? { file_ids: fileIds } : {}),
			...(include.has('product') ? { product: product.shopify_product } : {}),
			...(include.has('downloads') ? { downloads: shop.downloadsOfLine(line.id) } : {}),
		};
	});
	return { ...order, lines };
}

/** @param {Shop} shop @param {string} id */
function findOrder(shop, id) {
	const order = shop.orders.find((o) => o.id === id);
	if (!order) throw notFound('Order', id);
	return order;
}

/** @type {import('../router').Route[]} */
const routes = [
	[
		'GET',
		'/orders',
		({ shop, query }) => {
			const after = dateParam(query, 'created_after');
			const before = dateParam(query, 'created_before');
			const statuses = many(query, 'financial_status');
			for (const s of statuses) oneOf(s, 'financial_status', FINANCIAL_STATUSES);
			const productIds = many(query, 'digital_product_id');
			const email = one(query, 'customer_email');
			if (email !== undefined && !EMAIL.test(email))
				throw badRequest('customer_email must be an email address');
			const q = searchText(query);
			const include = includes(query, ['product', 'downloads']);
			const matching = shop.orders.filter(
				(o) =>
					(!after || o.created_at >= after) &&
					(!before || o.created_at < before) &&
					(statuses.length === 0 || statuses.includes(o.financial_status)) &&
					(productIds.length === 0 ||
						o.lines.some((l) => productIds.includes(l.digital_product_id))) &&
					(!email || o.customer.email.toLowerCase() === email.toLowerCase()) &&
					(!q || o.name.toLowerCase().includes(q)),
			);
			const page = paginate(matching, query);
			return { body: { ...page, data: page.data.map((o) => presentOrder(shop, o, include)) } };
		},
	],
	[
		'GET',
		'/orders/:id',
		({ shop, params, query }) => ({
			body: {
				data: presentOrder(
					shop,
					findOrder(shop, params.id),
					includes(query, ['product', 'downloads']),
				),
			},
		}),
	],
	[
		'POST',
		'/orders/:id/access',
		({ shop, params, json }) => {
			const order = findOrder(shop, params.id);
			const { access } = json();
			if (access !== 'enabled' && access !== 'disabled')
				throw badRequest('access must be "enabled" or "disabled"');
			order.dl_access = access;
			order.updated_at = shop.now();
			return { body: { data: presentOrder(shop, order, new Set()) } };
		},
	],
	[
		'POST',
		'/orders/:id/reset-downloads',
		({ shop, params, json }) => {
			const order = findOrder(shop, params.id);
			const body = json();
			const lineId = body.line_id;
			if (typeof lineId !== 'string' || lineId === '') throw badRequest('line_id is required');
			const line = order.lines.find((l) => l.id === lineId);
			if (!line) throw notFound('Order line', lineId);
			line.download_count = 0;
			order.updated_at = shop.now();
			return { body: { data: { order_id: order.id, line_id: line.id, download_count: 0 } } };
		},
	],
	[
		'POST',
		'/orders/:id/resend-email',
		({ shop, params, json }) => {
			const order = findOrder(shop, params.id);
			const { customer_email: email } = json();
			if (email !== undefined) {
				if (typeof email !== 'string' || !EMAIL.test(email))
					throw badRequest('customer_email must be an email address');
				order.customer = { ...order.customer, email };
				order.updated_at = shop.now();
			}
			shop.sendDeliveryEmail(order);
			return { body: { data: { order_id: order.id, email: order.customer.email, sent: true } } };
		},
	],
	[
		'PUT',
		'/orders/:id/lines/:lineId/files',
		({ shop, params, json }) => {
			const order = findOrder(shop, params.id);
			const line = order.lines.find((l) => l.id === params.lineId);
			if (!line) throw notFound('Order line', params.lineId);
			const body = json();
			if (
				!Array.isArray(body.file_ids) ||
				body.file_ids.length > 100 ||
				body.file_ids.some((/** @type {unknown} */ id) => typeof id !== 'string')
			) {
				throw badRequest('file_ids must be an array of at most 100 file IDs');
			}
			if ('send_email' in body && typeof body.send_email !== 'boolean')
				throw badRequest('send_email must be a boolean');
			if (line.delivering_type !== 'UNIQUE')
				throw badRequest('Files can only be set on lines of UNIQUE delivery products');
			for (const id of body.file_ids) if (!shop.filesById.has(id)) throw notFound('File', id);
			line.file_ids = [...body.file_ids];
			order.updated_at = shop.now();
			if (body.send_email) shop.sendDeliveryEmail(order);
			return { body: { data: presentOrder(shop, order, new Set()) } };
		},
	],
];

module.exports = { routes, presentOrder };
