// @ts-check
'use strict';

// Before the e2e suites: install (or reuse) both pinned n8n lines, in parallel when cold, and pack
// the built package once.
const { spawn } = require('node:child_process');
const path = require('node:path');
const { ensureN8n, packPackage, REPO_ROOT } = require('./runtime');

/** Runs scripts/install-n8n.sh for one line; resolves when it is installed (or already was). */
function install(/** @type {string} */ line) {
	return new Promise((resolve, reject) => {
		const child = spawn('bash', [path.join(REPO_ROOT, 'scripts', 'install-n8n.sh'), line], { stdio: ['ignore', 'ignore', 'inherit'] });
		child.once('error', reject);
		child.once('exit', (code) => (code === 0 ? resolve(undefined) : reject(new Error(`installing n8n ${line}.x failed (exit ${code})`))));
	});
}

module.exports = async function globalSetup() {
	const started = Date.now();
	await Promise.all([install('2'), install('1')]);
	const versions = ['2', '1'].map((line) => ensureN8n(line).version);
	process.env.BIGDD_E2E_TARBALL = packPackage();
	console.log(`\n[e2e] n8n ${versions.join(' and ')} ready and package packed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
};
