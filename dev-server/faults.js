// @ts-check
'use strict';

/**
 * A fault to inject, for tests: the first `times` requests (default 1) matching method and path prefix,
 * after skipping `skip`, get `status` (with Retry-After, a body or raw text), a latency, or no answer.
 * @typedef {{ method?: string, path?: string, status?: number, retryAfter?: number, latencyMs?: number,
 *   skip?: number, times?: number, body?: any, rawBody?: string, afterHandler?: boolean, reset?: boolean }} FaultRule
 * `afterHandler` lets the request take effect, then answers the fault's status (a write that
 * succeeded but whose answer was lost). `rawBody` is sent as it is (a page cut off mid-JSON); `reset`
 * drops the connection without an answer.
 */

/** The faults armed on a server, and its optional shop-wide rate limit (requests per second). */
function createFaults() {
	/** @type {FaultRule[]} */
	let rules = [];
	/** @type {number | undefined} */
	let requestsPerSecond;
	/** @type {number[]} times of the API requests answered in the last second */
	let recentRequests = [];

	return {
		get rules() {
			return rules;
		},
		/** @param {FaultRule | FaultRule[]} added */
		add(added) {
			rules.push(...(Array.isArray(added) ? added : [added]));
		},
		clear() {
			rules = [];
		},
		/** The first armed fault that matches, consumed once per matching request. */
		take(/** @type {string} */ method, /** @type {string} */ path) {
			for (const rule of rules) {
				if ((rule.method && rule.method !== method) || (rule.path && !path.startsWith(rule.path)))
					continue;
				if ((rule.skip ?? 0) > 0) {
					rule.skip = (rule.skip ?? 0) - 1;
					continue;
				}
				if ((rule.times ?? 1) <= 0) continue;
				rule.times = (rule.times ?? 1) - 1;
				return rule;
			}
			return undefined;
		},
		get requestsPerSecond() {
			return requestsPerSecond;
		},
		/** @param {number | undefined} perSecond undefined turns the limit off */
		setRateLimit(perSecond) {
			requestsPerSecond = perSecond;
			recentRequests = [];
		},
		/** Whether one more API request now goes over the rate limit; counts it when it does not. */
		overRateLimit() {
			if (!requestsPerSecond) return false;
			const now = Date.now();
			recentRequests = recentRequests.filter((t) => now - t < 1000);
			if (recentRequests.length >= requestsPerSecond) return true;
			recentRequests.push(now);
			return false;
		},
	};
}

module.exports = { createFaults };
