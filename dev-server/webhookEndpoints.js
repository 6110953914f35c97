// @ts-check
'use strict';

const crypto = require('node:crypto');
const { HttpError } = require('./http-error');
const { EVENT_TYPES, buildEvent, deliverWebhook } = require('./webhooks');

/**
 * BigDD's Settings > Webhooks, as a merchant uses it: add an endpoint (HTTPS URL, events), see its
 * `whsec_` signing secret once, press Test, see deliveries. Real events go to every endpoint that
 * selected their type, each signed with that endpoint's own secret.
 * @typedef {{ id: string, name: string, url: string, events: string[], secret: string,
 *   deliveries: { eventId: string, type: string, status: number, body: string }[] }} Endpoint
 */
function createWebhookEndpoints(/** @type {{ allowHttp?: boolean }} */ options = {}) {
	/** @type {Endpoint[]} */
	const endpoints = [];

	/** What BigDD's list shows: never the secret. */
	const shown = (/** @type {Endpoint} */ endpoint) => ({
		id: endpoint.id,
		name: endpoint.name,
		url: endpoint.url,
		events: endpoint.events,
		deliveries: endpoint.deliveries,
	});

	const find = (/** @type {string} */ id) => {
		const endpoint = endpoints.find((e) => e.id === id);
		if (!endpoint) throw new HttpError(404, 'not_found', `No webhook endpoint ${id}`);
		return endpoint;
	};

	/** Sends one event to one endpoint and records the delivery (a refused connection is status 0). */
	async function deliver(/** @type {Endpoint} */ endpoint, /** @type {any} */ event) {
		let delivery;
		try {
			const { status, body } = await deliverWebhook({
				url: endpoint.url,
				secret: endpoint.secret,
				event,
			});
			delivery = { eventId: event.id, type: event.type, status, body };
		} catch (error) {
			delivery = { eventId: event.id, type: event.type, status: 0, body: String(error) };
		}
		endpoint.deliveries.push(delivery);
		return delivery;
	}

	return {
		/** Add endpoint: the answer is the only time the secret is shown. */
		add(/** @type {{ name?: string, url?: string, events?: string[] }} */ input) {
			const url = String(input.url ?? '');
			if (
				!/^https:\/\//.test(url) &&
				!(options.allowHttp && /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url))
			) {
				throw new HttpError(400, 'invalid_url', 'The URL must use HTTPS');
			}
			const events = input.events ?? [];
			if (events.length === 0 || events.some((type) => !EVENT_TYPES.includes(type)))
				throw new HttpError(400, 'invalid_events', `Pick events among ${EVENT_TYPES.join(', ')}`);
			/** @type {Endpoint} */
			const endpoint = {
				id: `we_${crypto.randomBytes(6).toString('hex')}`,
				name: input.name ?? 'n8n',
				url,
				events: [...events],
				secret: `whsec_${crypto.randomBytes(24).toString('base64url')}`,
				deliveries: [],
			};
			endpoints.push(endpoint);
			return { ...shown(endpoint), secret: endpoint.secret };
		},
		list: () => endpoints.map(shown),
		update(/** @type {string} */ id, /** @type {{ url?: string, events?: string[] }} */ input) {
			const endpoint = find(id);
			if (input.url !== undefined) endpoint.url = input.url;
			if (input.events !== undefined) endpoint.events = [...input.events];
			return shown(endpoint);
		},
		remove(/** @type {string} */ id) {
			endpoints.splice(endpoints.indexOf(find(id)), 1);
			return { id, deleted: true };
		},
		/** The Test button: a test event, signed like real ones. */
		async test(/** @type {string} */ id, /** @type {import('./shop').Shop} */ shop) {
			return await deliver(find(id), buildEvent(shop, 'test'));
		},
		/** A real event (a purchase, a download…) to every endpoint that selected its type. */
		async emit(
			/** @type {import('./shop').Shop} */ shop,
			/** @type {string} */ type,
			/** @type {{ orderIndex?: number }} */ options = {},
		) {
			// An endpoint that does not answer (n8n down) gets status 0; BigDD would retry it later, this does not.
			const event = buildEvent(shop, type, options);
			const deliveries = [];
			for (const endpoint of endpoints.filter((e) => e.events.includes(type)))
				deliveries.push({ endpoint: endpoint.id, ...(await deliver(endpoint, event)) });
			return { event, deliveries };
		},
		clear: () => endpoints.splice(0),
	};
}

module.exports = { createWebhookEndpoints };
