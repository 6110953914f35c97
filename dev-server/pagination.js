// @ts-check
'use strict';

const { badRequest } = require('./http-error');

const SORTS = ['-id', 'id', 'created_at', '-created_at'];
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

/** @param {{ id: string, created_at: string }} record @param {string} sort */
function sortKey(record, sort) {
	return sort.endsWith('id') ? [record.id] : [record.created_at, record.id];
}

/** @param {string[]} a @param {string[]} b */
function compareKeys(a, b) {
	for (let i = 0; i < a.length; i++) {
		if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
	}
	return 0;
}

/** @param {string | undefined} raw */
function parseLimit(raw) {
	if (raw === undefined || raw === '') return DEFAULT_LIMIT;
	if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_LIMIT) {
		throw badRequest(`limit must be an integer between 1 and ${MAX_LIMIT}`);
	}
	return Number(raw);
}

/** @param {string | undefined} raw */
function parseSort(raw) {
	const sort = raw === undefined || raw === '' ? '-id' : raw;
	if (!SORTS.includes(sort)) throw badRequest(`sort must be one of ${SORTS.join(', ')}`);
	return sort;
}

/** The cursor is opaque to clients: base64 of the sort it belongs to and the last key served. */
function encodeCursor(/** @type {string} */ sort, /** @type {string[]} */ key) {
	return Buffer.from(JSON.stringify({ s: sort, k: key })).toString('base64');
}

function decodeCursor(/** @type {string} */ cursor, /** @type {string} */ sort) {
	try {
		const parsed = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
		if (parsed.s === sort && Array.isArray(parsed.k)) return /** @type {string[]} */ (parsed.k);
	} catch {
		// falls through to the 400 below
	}
	throw badRequest('cursor is invalid or belongs to another sort order');
}

/**
 * One page of `records` (already filtered) in the requested order, after the cursor's position.
 * @template {{ id: string, created_at: string }} T
 * @param {T[]} records
 * @param {Record<string, string | string[]>} query
 */
function paginate(records, query) {
	const limit = parseLimit(/** @type {string | undefined} */ (query.limit));
	const sort = parseSort(/** @type {string | undefined} */ (query.sort));
	const direction = sort.startsWith('-') ? -1 : 1;
	const ordered = [...records].sort(
		(a, b) => direction * compareKeys(sortKey(a, sort), sortKey(b, sort)),
	);
	let start = 0;
	if (typeof query.cursor === 'string' && query.cursor !== '') {
		const after = decodeCursor(query.cursor, sort);
		start = ordered.findIndex((r) => direction * compareKeys(sortKey(r, sort), after) > 0);
		if (start === -1) start = ordered.length;
	}
	const data = ordered.slice(start, start + limit);
	const hasMore = start + limit < ordered.length;
	return {
		data,
		pagination: {
			has_more: hasMore,
			next_cursor: hasMore ? encodeCursor(sort, sortKey(data[data.length - 1], sort)) : null,
		},
	};
}

module.exports = { paginate };
