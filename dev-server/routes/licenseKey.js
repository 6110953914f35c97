// @ts-check
'use strict';

// License keys, as the node's License Key resource uses them.
const { badRequest, notFound, conflict } = require('../http-error');
const { paginate } = require('../pagination');
const { one, oneOf, searchText } = require('../query');
const { makeId } = require('../seed');

/** @typedef {import('../shop').Shop} Shop */

const MAX_BATCH = 5000;

/** @param {Shop['licenseKeys'][number]} key */
const presentKey = (key) => ({ ...key, assigned: key.order_id !== null });

/** @param {Shop} shop @param {string} id */
function findKey(shop, id) {
	const key = shop.licenseKeys.find((k) => k.id === id);
	if (!key) throw notFound('License key', id);
	return key;
}

/** @param {Shop} shop @param {string[]} keys @param {string | undefined} tag @param {string} mode */
function createKeys(shop, keys, tag, mode) {
	const existing = new Set(shop.licenseKeys.map((k) => k.key));
	const clashing = keys.filter((k) => existing.has(k));
	if (mode === 'fail' && clashing.length > 0) {
		throw conflict(
			`${clashing.length} key(s) already exist, e.g. ${clashing.slice(0, 3).join(', ')}; nothing was created`,
		);
	}
	let created = 0;
	let skipped = 0;
	for (const value of keys) {
		if (mode === 'skip' && existing.has(value)) {
			skipped++;
			continue;
		}
		const time = Date.now();
		shop.licenseKeys.push({
			id: makeId(time, 7, shop.nextCounter()),
			key: value,
			tag: tag ?? null,
			order_id: null,
			order_name: null,
			created_at: new Date(time).toISOString(),
			updated_at: new Date(time).toISOString(),
		});
		existing.add(value);
		created++;
	}
	return { created, skipped };
}

/** @type {import('../router').Route[]} */
const routes = [
	[
		'GET',
		'/license-keys',
		({ shop, query }) => {
			const status = oneOf(one(query, 'status'), 'status', ['available', 'assigned']);
			const tag = one(query, 'tag');
			const q = searchText(query);
			const matching = shop.licenseKeys.filter(
				(k) =>
					(!status || (status === 'assigned') === (k.order_id !== null)) &&
					(!tag || k.tag === tag) &&
					(!q || k.key.toLowerCase().includes(q)),
			);
			const page = paginate(matching, query);
			return { body: { ...page, data: page.data.map(presentKey) } };
		},
	],
	[
		'GET',
		'/license-keys/validate',
		({ shop, query }) => {
			const value = one(query, 'key');
			if (!value) throw badRequest('key is required');
			const key = shop.licenseKeys.find((k) => k.key === value);
			return {
				body: {
					data: key
						? {
								valid: true,
								assigned: key.order_id !== null,
								tag: key.tag,
								order_name: key.order_name,
								order_id: key.order_id,
							}
						: { valid: false, assigned: false, tag: null, order_name: null, order_id: null },
				},
			};
		},
	],
	[
		'POST',
		'/license-keys',
		({ shop, json, headers }) => {
			const idempotencyKey = headers['idempotency-key'];
			const replay = idempotencyKey ? shop.idempotency.get(idempotencyKey) : undefined;
			if (replay) return { ...replay, headers: { 'Idempotent-Replayed': 'true' } };
			const body = json();
			const { keys, tag } = body;
			if (!Array.isArray(keys) || keys.length < 1 || keys.length > MAX_BATCH) {
				throw badRequest(`keys must be an array of 1 to ${MAX_BATCH} strings`);
			}
			if (keys.some((k) => typeof k !== 'string' || k.trim() === ''))
				throw badRequest('every key must be a non-empty string');
			if (tag !== undefined && tag !== null && (typeof tag !== 'string' || tag.length > 120)) {
				throw badRequest('tag must be a string of at most 120 characters');
			}
			const mode =
				oneOf(body.duplicates ?? 'skip', 'duplicates', ['skip', 'create', 'fail']) ?? 'skip';
			const response = {
				status: 201,
				body: { data: createKeys(shop, keys, tag ?? undefined, mode) },
			};
			if (idempotencyKey) shop.idempotency.set(idempotencyKey, response);
			return response;
		},
	],
	[
		'POST',
		'/license-keys/:id/assign',
		({ shop, params, json }) => {
			const key = findKey(shop, params.id);
			const body = json();
			if (typeof body.order_name !== 'string' || body.order_name === '')
				throw badRequest('order_name is required');
			if ('send_email' in body && typeof body.send_email !== 'boolean')
				throw badRequest('send_email must be a boolean');
			if (key.order_id !== null)
				throw conflict(`License key ${key.id} is already assigned to order ${key.order_name}`);
			const name = body.order_name.startsWith('#') ? body.order_name : `#${body.order_name}`;
			const order = shop.orders.find((o) => o.name === name);
			if (!order) throw notFound('Order', body.order_name);
			key.order_id = order.id;
			key.order_name = order.name;
			key.updated_at = shop.now();
			order.lines[0].license_keys.push(key.key);
			if (body.send_email) shop.sendDeliveryEmail(order);
			return { body: { data: presentKey(key) } };
		},
	],
	[
		'POST',
		'/license-keys/:id/unassign',
		({ shop, params }) => {
			const key = findKey(shop, params.id);
			if (key.order_id !== null) {
				const order = shop.orders.find((o) => o.id === key.order_id);
				for (const line of order?.lines ?? [])
					line.license_keys = line.license_keys.filter((/** @type {string} */ k) => k !== key.key);
			}
			key.order_id = null;
			key.order_name = null;
			key.updated_at = shop.now();
			return { body: { data: presentKey(key) } };
		},
	],
	[
		'DELETE',
		'/license-keys/:id',
		({ shop, params }) => {
			const key = findKey(shop, params.id);
			if (key.order_id !== null)
				throw conflict(
					`License key ${key.id} is assigned to order ${key.order_name}; unassign it before deleting`,
				);
			shop.licenseKeys.splice(shop.licenseKeys.indexOf(key), 1);
			return { body: { data: { id: key.id, deleted: true } } };
		},
	],
];

module.exports = { routes };
