// @ts-check
'use strict';

const { badRequest, notFound } = require('../http-error');
const { paginate } = require('../pagination');
const { one, many, oneOf, searchText, dateParam, includes } = require('../query');
const { FINANCIAL_STATUSES } = require('../seed');

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** @param {any} shop @param {any} order @param {Set<string>} include */
function presentOrder(shop, order, include) {
	const lines = order.lines.map((/** @type {any} */ line) => {
		const product = shop.products.find((/** @type {any} */ p) => p.id === line.digital_product_id);
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

/** @param {any} shop @param {string} id */
function findOrder(shop, id) {
	const order = shop.orders.find((/** @type {any} */ o) => o.id === id);
	if (!order) throw notFound('Order', id);
	return order;
}

/** @param {any} shop @param {any} order */
function sendDeliveryEmail(shop, order) {
	shop.emails.push({ order_id: order.id, to: order.customer.email, at: shop.now() });
}

/** Customer by Shopify GID or by its numeric id, as the spec allows both. */
function findCustomer(/** @type {any} */ shop, /** @type {string} */ ref) {
	const gid = /^\d+$/.test(ref) ? `gid://shopify/Customer/${ref}` : ref;
	const customer = shop.customers.find((/** @type {any} */ c) => c.gid === gid);
	if (!customer) throw notFound('Customer', ref);
	return customer;
}

/** @type {import('../router').Route[]} */
const routes = [
	['GET', '/orders', ({ shop, query }) => {
		const after = dateParam(query, 'created_after');
		const before = dateParam(query, 'created_before');
		const statuses = many(query, 'financial_status');
		for (const s of statuses) oneOf(s, 'financial_status', FINANCIAL_STATUSES);
		const productIds = many(query, 'digital_product_id');
		const email = one(query, 'customer_email');
		if (email !== undefined && !EMAIL.test(email)) throw badRequest('customer_email must be an email address');
		const q = searchText(query);
		const include = includes(query, ['product', 'downloads']);
		const matching = shop.orders.filter((/** @type {any} */ o) =>
			(!after || o.created_at >= after) &&
			(!before || o.created_at < before) &&
			(statuses.length === 0 || statuses.includes(o.financial_status)) &&
			(productIds.length === 0 || o.lines.some((/** @type {any} */ l) => productIds.includes(l.digital_product_id))) &&
			(!email || o.customer.email.toLowerCase() === email.toLowerCase()) &&
			(!q || o.name.toLowerCase().includes(q)));
		const page = paginate(matching, query);
		return { body: { ...page, data: page.data.map((o) => presentOrder(shop, o, include)) } };
	}],
	['GET', '/orders/:id', ({ shop, params, query }) => ({
		body: { data: presentOrder(shop, findOrder(shop, params.id), includes(query, ['product', 'downloads'])) },
	})],
	['POST', '/orders/:id/access', ({ shop, params, json }) => {
		const order = findOrder(shop, params.id);
		const { access } = json();
		if (access !== 'enabled' && access !== 'disabled') throw badRequest('access must be "enabled" or "disabled"');
		order.dl_access = access;
		order.updated_at = shop.now();
		return { body: { data: presentOrder(shop, order, new Set()) } };
	}],
	['POST', '/orders/:id/reset-downloads', ({ shop, params, json }) => {
		const order = findOrder(shop, params.id);
		const body = json();
		const lineId = body.line_id;
		if (typeof lineId !== 'string' || lineId === '') throw badRequest('line_id is required');
		const line = order.lines.find((/** @type {any} */ l) => l.id === lineId);
		if (!line) throw notFound('Order line', lineId);
		line.download_count = 0;
		order.updated_at = shop.now();
		return { body: { data: { order_id: order.id, line_id: line.id, download_count: 0 } } };
	}],
	['POST', '/orders/:id/resend-email', ({ shop, params, json }) => {
		const order = findOrder(shop, params.id);
		const { customer_email: email } = json();
		if (email !== undefined) {
			if (typeof email !== 'string' || !EMAIL.test(email)) throw badRequest('customer_email must be an email address');
			order.customer = { ...order.customer, email };
			order.updated_at = shop.now();
		}
		sendDeliveryEmail(shop, order);
		return { body: { data: { order_id: order.id, email: order.customer.email, sent: true } } };
	}],
	['PUT', '/orders/:id/lines/:lineId/files', ({ shop, params, json }) => {
		const order = findOrder(shop, params.id);
		const line = order.lines.find((/** @type {any} */ l) => l.id === params.lineId);
		if (!line) throw notFound('Order line', params.lineId);
		const body = json();
		if (!Array.isArray(body.file_ids) || body.file_ids.length > 100 || body.file_ids.some((/** @type {any} */ id) => typeof id !== 'string')) {
			throw badRequest('file_ids must be an array of at most 100 file IDs');
		}
		if ('send_email' in body && typeof body.send_email !== 'boolean') throw badRequest('send_email must be a boolean');
		if (line.delivering_type !== 'UNIQUE') throw badRequest('Files can only be set on lines of UNIQUE delivery products');
		for (const id of body.file_ids) if (!shop.filesById.has(id)) throw notFound('File', id);
		line.file_ids = [...body.file_ids];
		order.updated_at = shop.now();
		if (body.send_email) sendDeliveryEmail(shop, order);
		return { body: { data: presentOrder(shop, order, new Set()) } };
	}],

	['GET', '/customers/:customerGid/downloads', ({ shop, params, query }) => {
		const customer = findCustomer(shop, params.customerGid);
		const orders = shop.orders.filter((/** @type {any} */ o) => o.customer.id === customer.id);
		const page = paginate(orders, query);
		return { body: { ...page, data: page.data.map((o) => presentOrder(shop, o, new Set(['downloads']))) } };
	}],

	['GET', '/downloads/stats', ({ shop, query }) => {
		const end = dateParam(query, 'end') ?? shop.now();
		const start = dateParam(query, 'start') ?? new Date(Date.parse(end) - 30 * 86_400_000).toISOString();
		if (start > end) throw badRequest('start must be before end');
		const events = shop.downloads.filter((/** @type {any} */ d) => d.created_at >= start && d.created_at < end);
		/** @type {Map<string, { downloads: number, bandwidth_bytes: number }>} */
		const perFile = new Map();
		let bandwidth = 0;
		for (const event of events) {
			const size = shop.filesById.get(event.file_id)?.size ?? 0;
			bandwidth += size;
			const entry = perFile.get(event.file_id) ?? { downloads: 0, bandwidth_bytes: 0 };
			entry.downloads++;
			entry.bandwidth_bytes += size;
			perFile.set(event.file_id, entry);
		}
		const counted = events.filter((/** @type {any} */ d) => !d.is_redownload).length;
		const topFiles = [...perFile.entries()]
			.sort((a, b) => b[1].downloads - a[1].downloads || (a[0] < b[0] ? -1 : 1))
			.slice(0, 10)
			.map(([id, entry]) => {
				const file = shop.filesById.get(id);
				return { file: file ? { id, name: file.name, size: file.size, type: file.type } : { id }, ...entry };
			});
		return {
			body: {
				data: {
					period: { start, end },
					total_downloads: events.length,
					counted_downloads: counted,
					billable_downloads: counted,
					total_bandwidth_bytes: bandwidth,
					top_files: topFiles,
				},
			},
		};
	}],
];

module.exports = { routes, presentOrder };
