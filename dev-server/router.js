// @ts-check
'use strict';

/**
 * @typedef {{
 *   shop: import('./shop').Shop,
 *   params: Record<string, string>,
 *   query: Record<string, string | string[]>,
 *   headers: Record<string, string>,
 *   json: () => any,
 *   multipart: () => ReturnType<typeof import('./multipart').parseMultipart>,
 * }} RouteContext
 * @typedef {{ status?: number, body: any, headers?: Record<string, string> }} RouteResult
 * @typedef {[string, string, (context: RouteContext) => RouteResult]} Route
 */

/** Compiles `/orders/:id/lines/:lineId/files` style patterns; literal segments win over parameters. */
function createRouter(/** @type {Route[]} */ routes) {
	const compiled = routes.map(([method, pattern, handler]) => {
		const names = /** @type {string[]} */ ([]);
		const source = pattern.replace(/:(\w+)/g, (_, name) => {
			names.push(name);
			return '([^/]+)';
		});
		return {
			method,
			regex: new RegExp(`^${source}$`),
			names,
			handler,
			literal: !pattern.includes(':'),
		};
	});
	compiled.sort((a, b) => Number(b.literal) - Number(a.literal));

	return (/** @type {string} */ method, /** @type {string} */ path) => {
		let pathMatched = false;
		for (const route of compiled) {
			const match = route.regex.exec(path);
			if (!match) continue;
			pathMatched = true;
			if (route.method !== method) continue;
			const params = Object.fromEntries(
				route.names.map((name, i) => [name, decodeURIComponent(match[i + 1])]),
			);
			return { handler: route.handler, params };
		}
		return { pathMatched };
	};
}

module.exports = { createRouter };
