// @ts-check
'use strict';

const { HttpError } = require('./http-error');
const { makeId, seedShop } = require('./seed');

/**
 * One shop's state as BigDD would hold it: the seeded records, what the API changed since, and the
 * shop-wide rules the routes share (ids, the delivery email, the upload rate limit).
 * @param {Parameters<typeof seedShop>[0] & { uploadsPerMinute?: number }} options
 * @param {() => string} publicUrl where the server listens, for the URLs it hands out
 */
function createShop(options, publicUrl) {
	const data = seedShop(options);
	const uploadsPerMinute = options.uploadsPerMinute ?? 6;
	let counter = 1;
	/** @type {number[]} */
	let uploads = [];
	const shop = {
		...data,
		filesById: new Map(data.files.map((f) => [f.id, f])),
		/** @type {{ order_id: string, to: string, at: string }[]} */
		emails: [],
		/** Answers already given, by Idempotency-Key. @type {Map<string, import('./router').RouteResult>} */
		idempotency: new Map(),
		get publicUrl() {
			return publicUrl();
		},
		now: () => new Date().toISOString(),
		nextCounter: () => counter++,
		downloadsOfLine: (/** @type {string} */ lineId) =>
			data.downloads
				.filter((d) => d.line_id === lineId)
				.map(({ id, file_id: fileId, is_redownload: re, created_at: at }) => ({
					id,
					file_id: fileId,
					is_redownload: re,
					created_at: at,
				})),
		/**
		 * A checkout that just happened: a new order now, like the seeded order at `templateIndex` (its
		 * customer and products), with fresh ids, the next order name and no downloads yet.
		 */
		addPurchase(/** @type {number} */ templateIndex = 0) {
			const template = data.orders[templateIndex % data.orders.length];
			const time = Date.now();
			const order = {
				...structuredClone(template),
				id: makeId(time, 4, shop.nextCounter()),
				name: `#${1001 + data.orders.length}`,
				gid: `gid://shopify/Order/${5_000_000_000 + data.orders.length}`,
				created_at: new Date(time).toISOString(),
				updated_at: new Date(time).toISOString(),
			};
			order.lines = order.lines.map((line) => ({
				...line,
				id: makeId(time, 5, shop.nextCounter()),
				download_count: 0,
				license_keys: [],
			}));
			data.orders.push(order);
			return order;
		},
		/** BigDD's delivery email of an order, to the order's current address. */
		sendDeliveryEmail(/** @type {{ id: string, customer: { email: string } }} */ order) {
			shop.emails.push({ order_id: order.id, to: order.customer.email, at: shop.now() });
		},
		/** Counts one upload, or refuses it with 429 past `uploadsPerMinute` in the last minute. */
		consumeUploadSlot() {
			const now = Date.now();
			uploads = uploads.filter((t) => now - t < 60_000);
			if (uploads.length >= uploadsPerMinute) {
				throw new HttpError(
					429,
					'rate_limited',
					`Upload rate limit: ${uploadsPerMinute} uploads per minute`,
					{
						'Retry-After': String(Math.ceil((60_000 - (now - uploads[0])) / 1000)),
					},
				);
			}
			uploads.push(now);
		},
	};
	return shop;
}

/** @typedef {ReturnType<typeof createShop>} Shop */

module.exports = { createShop };
