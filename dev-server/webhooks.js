// @ts-check
'use strict';

const crypto = require('node:crypto');
const { presentOrder } = require('./routes/order');

const EVENT_TYPES = [
	'digital_order.purchased',
	'digital_order.delivered',
	'file.downloaded',
	'file.redownloaded',
];

/** BigDD's signature: hex HMAC-SHA256 of `${timestamp}.${rawBody}` with the endpoint's signing secret. */
function signWebhook(
	/** @type {string} */ secret,
	/** @type {string} */ timestamp,
	/** @type {Buffer | string} */ rawBody,
) {
	return crypto.createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/**
 * Our model of BigDD's event envelope (the spec shows only that events carry an id and a type).
 * @param {import('./shop').Shop} shop @param {string} type @param {{ id?: string, orderIndex?: number }} [options]
 * `orderIndex` counts from the end when negative (-1: the newest order).
 */
function buildEvent(shop, type, options = {}) {
	if (type === 'test') {
		return {
			id: options.id ?? `evt_test_${crypto.randomBytes(8).toString('hex')}`,
			type: 'test',
			created_at: new Date().toISOString(),
			data: { message: 'Test event from Big Digital Downloads' },
		};
	}
	if (!EVENT_TYPES.includes(type)) throw new Error(`Unknown event type ${type}`);
	const index = options.orderIndex ?? 0;
	const order = shop.orders[index < 0 ? shop.orders.length + index : index % shop.orders.length];
	const id = options.id ?? `evt_${crypto.randomBytes(12).toString('hex')}`;
	const base = { id, type, created_at: new Date().toISOString() };
	if (type.startsWith('digital_order.')) {
		const data = { order: presentOrder(shop, order, new Set()) };
		return {
			...base,
			data: type === 'digital_order.delivered' ? { ...data, email: order.customer.email } : data,
		};
	}
	const line = order.lines.find((l) => l.file_ids.length > 0) ?? order.lines[0];
	const file = shop.filesById.get(line.file_ids[0]) ?? shop.files[0];
	return {
		...base,
		data: {
			download: {
				order_id: order.id,
				order_name: order.name,
				line_id: line.id,
				customer: order.customer,
				ip: '203.0.113.7',
				user_agent: 'Mozilla/5.0',
			},
			file: { id: file.id, name: file.name, size: file.size, type: file.type },
		},
	};
}

/**
 * Delivers one event the way BigDD does (signed POST), with switches to send it wrong on purpose.
 * @param {{ url: string, secret: string, event?: any, rawBody?: string, signedBody?: string, timestamp?: string | number,
 *   signature?: string, omitHeaders?: string[], extraHeaders?: Record<string, string>, timeoutMs?: number }} options
 * `signedBody` signs other bytes than those sent (a body tampered with in transit).
 */
async function deliverWebhook(options) {
	const rawBody = options.rawBody ?? JSON.stringify(options.event);
	const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
	/** @type {Record<string, string>} */
	const headers = {
		'Content-Type': 'application/json',
		'User-Agent': 'BigDigitalDownloads-Webhooks/1.0',
		'X-Webhook-Timestamp': timestamp,
		'X-Webhook-Signature':
			options.signature ?? signWebhook(options.secret, timestamp, options.signedBody ?? rawBody),
		...options.extraHeaders,
	};
	for (const name of options.omitHeaders ?? []) delete headers[name];
	const started = performance.now();
	const response = await fetch(options.url, {
		method: 'POST',
		headers,
		body: rawBody,
		signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
	});
	const body = await response.text();
	return { status: response.status, body, elapsedMs: performance.now() - started };
}

module.exports = { EVENT_TYPES, signWebhook, buildEvent, deliverWebhook };
