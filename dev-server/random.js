// @ts-check
'use strict';

/**
 * mulberry32: a tiny seeded PRNG, so the same seed always yields the same shop.
 * @param {number} seed
 */
function createRandom(seed) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		/** integer in [min, max] */
		int: (/** @type {number} */ min, /** @type {number} */ max) =>
			min + Math.floor(next() * (max - min + 1)),
		/** @template T @param {T[]} list @returns {T} */
		pick: (list) => list[Math.floor(next() * list.length)],
		chance: (/** @type {number} */ p) => next() < p,
	};
}

module.exports = { createRandom };
