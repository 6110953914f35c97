// @ts-check
'use strict';

const { HttpError } = require('./http-error');
const { buildEvent, deliverWebhook } = require('./webhooks');

/**
 * Test and demo controls under /__admin/; never part of BigDD's API. `/__admin/webhook-endpoints` is
 * BigDD's Settings > Webhooks (add an endpoint and see its secret once, Test, See deliveries).
 * @param {{ shop: () => import('./shop').Shop, requests: any[], faults: ReturnType<typeof import('./faults').createFaults>,
 *   reset: () => void, setShopActive: (active: boolean) => boolean, webhookSecret: string,
 *   endpoints: ReturnType<typeof import('./webhookEndpoints').createWebhookEndpoints> }} server
 */
function createAdmin(server) {
	return async function admin(
		/** @type {string} */ method,
		/** @type {string} */ path,
		/** @type {any} */ body,
	) {
		const shop = server.shop();
		const endpoint = /^\/__admin\/webhook-endpoints\/([^/]+)(\/test)?$/.exec(path);
		if (endpoint) {
			const [, id, test] = endpoint;
			if (method === 'POST' && test) return await server.endpoints.test(id, shop);
			if (method === 'PATCH' && !test) return server.endpoints.update(id, body);
			if (method === 'DELETE' && !test) return server.endpoints.remove(id);
		}
		switch (`${method} ${path}`) {
			case 'POST /__admin/webhook-endpoints':
				return server.endpoints.add(body);
			case 'GET /__admin/webhook-endpoints':
				return server.endpoints.list();
			case 'POST /__admin/events':
				return await server.endpoints.emit(shop, body.type, { orderIndex: body.orderIndex });
			case 'POST /__admin/purchases': {
				// A checkout: the order exists in BigDD first, then its event goes to the endpoints.
				const order = shop.addPurchase(body.like ?? 0);
				return {
					order: { id: order.id, name: order.name },
					...(await server.endpoints.emit(shop, 'digital_order.purchased', { orderIndex: -1 })),
				};
			}
			case 'GET /__admin/requests':
				return server.requests;
			case 'DELETE /__admin/requests':
				server.requests.splice(0);
				return { cleared: true };
			case 'POST /__admin/faults':
				server.faults.add(body);
				return { faults: server.faults.rules };
			case 'DELETE /__admin/faults':
				server.faults.clear();
				return { faults: server.faults.rules };
			case 'POST /__admin/rate-limit':
				server.faults.setRateLimit(body.requestsPerSecond ?? undefined);
				return { requestsPerSecond: server.faults.requestsPerSecond ?? null };
			case 'POST /__admin/shop':
				return { active: server.setShopActive(body.active !== false) };
			case 'POST /__admin/reset':
				server.reset();
				return { reset: true };
			case 'GET /__admin/state':
				return {
					counts: {
						products: shop.products.length,
						files: shop.files.length,
						orders: shop.orders.length,
						licenseKeys: shop.licenseKeys.length,
					},
					emails: shop.emails,
					downloadLinks: shop.downloadLinks,
					uploads: shop.files
						.filter((f) => 'sha256' in f)
						.map((f) => ({
							id: f.id,
							name: f.name,
							size: f.size,
							type: f.type,
							sha256: /** @type {any} */ (f).sha256,
						})),
				};
			case 'GET /__admin/fixtures':
				return {
					products: shop.products.slice(0, 5).map((p) => ({ id: p.id, name: p.name })),
					orders: shop.orders.slice(0, 5).map((o) => ({
						id: o.id,
						name: o.name,
						lines: o.lines.map((l) => ({ id: l.id, delivering_type: l.delivering_type })),
						customer: o.customer,
					})),
					licenseKeys: shop.licenseKeys.slice(0, 5),
				};
			case 'POST /__admin/webhooks/send': {
				const event =
					body.event ?? buildEvent(shop, body.type, { id: body.id, orderIndex: body.orderIndex });
				const result = await deliverWebhook({
					...body,
					secret: body.secret ?? server.webhookSecret,
					event,
				});
				return { ...result, event };
			}
			default:
				throw new HttpError(404, 'not_found', `No admin route ${method} ${path}`);
		}
	};
}

module.exports = { createAdmin };
