// @ts-check
'use strict';

// Before the e2e suites: install (or reuse) the pinned n8n and pack the built package once.
const { ensureN8n, packPackage } = require('./runtime');

module.exports = async function globalSetup() {
	const started = Date.now();
	ensureN8n();
	process.env.BIGDD_E2E_TARBALL = packPackage();
	console.log(`\n[e2e] n8n ready and package packed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
};
