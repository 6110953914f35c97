// @ts-check
'use strict';

const crypto = require('node:crypto');
const http = require('node:http');
const { HttpError } = require('./http-error');
const { parseQuery } = require('./query');
const { parseMultipart } = require('./multipart');
const { createRouter } = require('./router');
const { createRandom } = require('./random');
const { createAdmin } = require('./admin');
const { createFaults } = require('./faults');
const { createShop } = require('./shop');
const { createWebhookEndpoints } = require('./webhookEndpoints');
// One route file per resource of the node.
const customer = require('./routes/customer');
const digitalProduct = require('./routes/digitalProduct');
const downloadLink = require('./routes/downloadLink');
const downloadStats = require('./routes/downloadStats');
const file = require('./routes/file');
const licenseKey = require('./routes/licenseKey');
const order = require('./routes/order');

const API_PREFIX = '/public-api/v1';
const MAX_BODY_BYTES = 40 * 1024 * 1024;
const DEFAULT_TOKEN = 'bigdd_local_token';
const DEFAULT_WEBHOOK_SECRET = 'whsec_local_signing_secret';

const route = createRouter(
	[customer, digitalProduct, downloadLink, downloadStats, file, licenseKey, order].flatMap(
		(resource) => resource.routes,
	),
);

/** @typedef {import('./faults').FaultRule} FaultRule */

/**
 * A local, faithful stand-in for BigDD's Public API, for development and tests only: HTTP, token and
 * shop checks, injected faults, then the route of the request.
 * @param {{ token?: string, webhookSecret?: string, seed?: number, products?: number, files?: number,
 *   orders?: number, licenseKeys?: number, uploadsPerMinute?: number, requestsPerSecond?: number }} [options]
 *   `requestsPerSecond` turns on a shop-wide rate limit like BigDD's (429, Retry-After: 1) on every API request.
 */
function createBigddServer(options = {}) {
	const token = options.token ?? DEFAULT_TOKEN;
	const webhookSecret = options.webhookSecret ?? DEFAULT_WEBHOOK_SECRET;
	let publicUrl = '';
	const newShop = () => createShop(options, () => publicUrl);
	let shop = newShop();
	/** @type {any[]} */
	const requests = [];
	const faults = createFaults();
	faults.setRateLimit(options.requestsPerSecond);
	let shopActive = true;
	// Local n8n listens on http://127.0.0.1; BigDD itself takes HTTPS only.
	const endpoints = createWebhookEndpoints({ allowHttp: true });

	function reset() {
		endpoints.clear();
		shop = newShop();
		requests.splice(0);
		faults.clear();
		shopActive = true;
		faults.setRateLimit(options.requestsPerSecond);
	}

	const admin = createAdmin({
		shop: () => shop,
		requests,
		faults,
		reset,
		setShopActive: (active) => (shopActive = active),
		webhookSecret,
		endpoints,
	});

	/** @param {http.ServerResponse} res @param {number} status @param {any} body @param {Record<string, string>} [headers] */
	function send(res, status, body, headers = {}) {
		const payload = JSON.stringify(body);
		res.writeHead(status, {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Length': Buffer.byteLength(payload),
			...headers,
		});
		res.end(payload);
	}

	/** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
	async function handle(req, res) {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const method = req.method ?? 'GET';
		const chunks = [];
		let size = 0;
		for await (const chunk of req) {
			size += chunk.length;
			if (size > MAX_BODY_BYTES)
				return send(
					res,
					413,
					new HttpError(
						413,
						'file_too_large',
						`Request body exceeds ${MAX_BODY_BYTES / 1024 / 1024} MB`,
					).toBody(),
				);
			chunks.push(chunk);
		}
		const raw = Buffer.concat(chunks);
		const json = () => {
			if (raw.length === 0) return {};
			try {
				const parsed = JSON.parse(raw.toString('utf8'));
				if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
					throw new Error('not an object');
				return parsed;
			} catch {
				throw new HttpError(400, 'validation_error', 'Body must be a JSON object');
			}
		};

		if (url.pathname === '/__admin/blob') {
			// Deterministic bytes to download into n8n as a binary file: ?size=<bytes>&seed=<n>
			const blob = deterministicBytes(
				Number(url.searchParams.get('size') ?? 1024),
				Number(url.searchParams.get('seed') ?? 1),
			);
			res.writeHead(200, {
				'Content-Type': 'application/zip',
				'Content-Length': blob.length,
				'Content-Disposition': 'attachment; filename="blob.zip"',
			});
			return res.end(blob);
		}
		if (url.pathname.startsWith('/__admin/')) {
			try {
				return send(res, 200, await admin(method, url.pathname, raw.length ? json() : {}));
			} catch (error) {
				const e =
					error instanceof HttpError ? error : new HttpError(500, 'admin_error', String(error));
				return send(res, e.status, e.toBody());
			}
		}

		const headers = /** @type {Record<string, string>} */ ({ ...req.headers });
		const query = parseQuery(url.searchParams);
		const contentType = headers['content-type'] ?? '';
		const entry = {
			seq: requests.length + 1,
			at: new Date().toISOString(),
			method,
			path: url.pathname,
			rawQuery: url.search.replace(/^\?/, ''),
			query,
			headers,
			body: contentType.startsWith('application/json') && raw.length ? safeJson(raw) : null,
			multipart: /** @type {any} */ (null),
			bytes: raw.length,
			status: 0,
		};
		requests.push(entry);

		const fault = faults.take(method, url.pathname);
		// unref: a test that stops waiting for a slow answer must not keep its process alive.
		if (fault?.latencyMs)
			await new Promise((resolve) => setTimeout(resolve, fault.latencyMs).unref());
		if (fault?.reset) {
			entry.status = -1;
			return req.socket.destroy();
		}
		if (fault?.status && !fault.afterHandler) {
			entry.status = fault.status;
			const faultHeaders = /** @type {Record<string, string>} */ (
				fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {}
			);
			const body =
				fault.body ??
				new HttpError(
					fault.status,
					fault.status === 429 ? 'rate_limited' : 'server_error',
					fault.status === 429 ? 'Rate limit exceeded' : 'Internal server error',
				).toBody();
			if (fault.rawBody !== undefined) {
				res.writeHead(fault.status, {
					'Content-Type': 'application/json; charset=utf-8',
					...faultHeaders,
				});
				return res.end(fault.rawBody);
			}
			return send(res, fault.status, body, faultHeaders);
		}
		if (url.pathname.startsWith(`${API_PREFIX}/`) && faults.overRateLimit()) {
			entry.status = 429;
			return send(res, 429, new HttpError(429, 'rate_limited', 'Rate limit exceeded').toBody(), {
				'Retry-After': '1',
			});
		}

		/** @type {{ status: number, body: any, headers?: Record<string, string> }} */
		let result;
		try {
			if (!url.pathname.startsWith(`${API_PREFIX}/`))
				throw new HttpError(404, 'not_found', `No route ${url.pathname}`);
			if (headers.authorization !== `Bearer ${token}`)
				throw new HttpError(401, 'unauthorized', 'Missing or invalid token');
			if (!shopActive)
				throw new HttpError(
					403,
					'forbidden',
					'Shop is inactive or its plan does not include the Public API (Growth and above)',
				);
			const found = route(method, url.pathname.slice(API_PREFIX.length));
			if (!('handler' in found) || !found.handler) {
				throw found.pathMatched
					? new HttpError(405, 'method_not_allowed', `${method} is not allowed on ${url.pathname}`)
					: new HttpError(404, 'not_found', `No route ${url.pathname}`);
			}
			const multipart = () => {
				const parsed = parseMultipart(raw, contentType);
				entry.multipart = {
					fields: parsed.fields,
					files: parsed.files.map((f) => ({
						field: f.field,
						filename: f.filename,
						contentType: f.contentType,
						size: f.data.length,
						sha256: crypto.createHash('sha256').update(f.data).digest('hex'),
					})),
				};
				return parsed;
			};
			const out = found.handler({ shop, params: found.params, query, headers, json, multipart });
			result = { status: out.status ?? 200, body: out.body, headers: out.headers };
		} catch (error) {
			const e =
				error instanceof HttpError ? error : new HttpError(500, 'server_error', String(error));
			result = { status: e.status, body: e.toBody(), headers: e.headers };
		}
		if (fault?.status && fault.afterHandler) {
			result = {
				status: fault.status,
				body: new HttpError(fault.status, 'server_error', 'Internal server error').toBody(),
			};
		}
		entry.status = result.status;
		send(res, result.status, result.body, result.headers);
	}

	const server = http.createServer((req, res) => {
		handle(req, res).catch((error) => {
			if (!res.headersSent)
				send(res, 500, new HttpError(500, 'server_error', String(error)).toBody());
		});
	});

	return {
		token,
		webhookSecret,
		/** BigDD's Settings > Webhooks (see webhookEndpoints.js). */
		endpoints,
		get shop() {
			return shop;
		},
		get requests() {
			return requests;
		},
		/** @param {number} [port] 0 picks a free port */
		async start(port = 0) {
			await new Promise((resolve, reject) => {
				server.once('error', reject);
				server.listen(port, '127.0.0.1', () => resolve(undefined));
			});
			const address = /** @type {import('node:net').AddressInfo} */ (server.address());
			publicUrl = `http://127.0.0.1:${address.port}`;
			return publicUrl;
		},
		get url() {
			return publicUrl;
		},
		/** @param {FaultRule | FaultRule[]} rules */
		addFaults: (rules) => faults.add(rules),
		clearFaults: () => faults.clear(),
		/** @param {number | undefined} perSecond */
		setRateLimit: (perSecond) => faults.setRateLimit(perSecond),
		async stop() {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(() => resolve(undefined)));
		},
	};
}

/** `size` bytes from a seeded PRNG: the same size and seed always give the same file. */
function deterministicBytes(/** @type {number} */ size, /** @type {number} */ seed) {
	const random = createRandom(seed);
	const bytes = Buffer.alloc(size);
	for (let i = 0; i < size; i++) bytes[i] = Math.floor(random.next() * 256);
	return bytes;
}

function safeJson(/** @type {Buffer} */ raw) {
	try {
		return JSON.parse(raw.toString('utf8'));
	} catch {
		return raw.toString('utf8');
	}
}

module.exports = { createBigddServer, deterministicBytes, API_PREFIX };
