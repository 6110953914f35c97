// @ts-check
'use strict';

// Before the e2e suites: install (or reuse) both pinned n8n lines, queue mode's Redis and PostgreSQL
// and the editor tests' Chromium, in parallel when cold (the two apt-get installs one after the other:
// apt holds a lock), and pack the built package once.
const { spawn } = require('node:child_process');
const path = require('node:path');
const { ensureN8n, packPackage, REPO_ROOT } = require('../../../harness/runtime');

/** Runs one install script; resolves when it has installed (or found) what it installs. */
function install(/** @type {string} */ script, /** @type {string[]} */ args = []) {
	return new Promise((resolve, reject) => {
		const child = spawn('bash', [path.join(REPO_ROOT, 'scripts', script), ...args], {
			stdio: ['ignore', 'ignore', 'inherit'],
		});
		child.once('error', reject);
		child.once('exit', (code) =>
			code === 0
				? resolve(undefined)
				: reject(new Error(`${script} ${args.join(' ')} failed (exit ${code})`)),
		);
	});
}

module.exports = async function globalSetup() {
	const started = Date.now();
	await Promise.all([
		install('install-n8n.sh', ['2']),
		install('install-n8n.sh', ['1']),
		install('install-queue-services.sh').then(() => install('install-browser.sh')),
	]);
	const versions = ['2', '1'].map((line) => ensureN8n(line).version);
	process.env.BIGDD_E2E_TARBALL = packPackage();
	console.log(
		`\n[e2e] n8n ${versions.join(' and ')} ready and package packed in ${((Date.now() - started) / 1000).toFixed(1)} s`,
	);
};
