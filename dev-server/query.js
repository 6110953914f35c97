// @ts-check
'use strict';

const { badRequest } = require('./http-error');

/**
 * Parses a query string like Express's qs does for the forms clients send:
 * `a=1&a=2`, `a[]=1&a[]=2` and `a[0]=1` all become `a: ['1', '2']`.
 * @param {URLSearchParams} params
 * @returns {Record<string, string | string[]>}
 */
function parseQuery(params) {
	/** @type {Record<string, string | string[]>} */
	const query = {};
	for (const [rawKey, value] of params) {
		const key = rawKey.replace(/\[\d*\]$/, '');
		const existing = query[key];
		if (existing === undefined) query[key] = rawKey === key ? value : [value];
		else query[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
	}
	return query;
}

/** A single-valued parameter. */
function one(/** @type {Record<string, string | string[]>} */ query, /** @type {string} */ name) {
	const value = query[name];
	if (Array.isArray(value)) throw badRequest(`${name} must be given once`);
	return value === '' ? undefined : value;
}

/** A multi-valued parameter; a comma-separated single value is accepted too. */
function many(/** @type {Record<string, string | string[]>} */ query, /** @type {string} */ name) {
	const value = query[name];
	if (value === undefined) return [];
	return (Array.isArray(value) ? value : value.split(','))
		.map((v) => v.trim())
		.filter((v) => v !== '');
}

function oneOf(
	/** @type {string | undefined} */ value,
	/** @type {string} */ name,
	/** @type {string[]} */ allowed,
) {
	if (value !== undefined && !allowed.includes(value))
		throw badRequest(`${name} must be one of ${allowed.join(', ')}`);
	return value;
}

function searchText(/** @type {Record<string, string | string[]>} */ query) {
	const q = one(query, 'q');
	if (q !== undefined && q.length > 120) throw badRequest('q must be at most 120 characters');
	return q?.toLowerCase();
}

function booleanParam(
	/** @type {Record<string, string | string[]>} */ query,
	/** @type {string} */ name,
) {
	const value = oneOf(one(query, name), name, ['true', 'false']);
	return value === undefined ? undefined : value === 'true';
}

function dateParam(
	/** @type {Record<string, string | string[]>} */ query,
	/** @type {string} */ name,
) {
	const value = one(query, name);
	if (value === undefined) return undefined;
	if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value))) {
		throw badRequest(`${name} must be an ISO 8601 date`);
	}
	return new Date(value).toISOString();
}

function includes(
	/** @type {Record<string, string | string[]>} */ query,
	/** @type {string[]} */ allowed,
) {
	const values = many(query, 'include');
	for (const v of values) oneOf(v, 'include', allowed);
	return new Set(values);
}

module.exports = { parseQuery, one, many, oneOf, searchText, booleanParam, dateParam, includes };
