// @ts-check
'use strict';

/** The tarball global-setup packed for this run. */
function e2eTarball() {
	const tarball = process.env.BIGDD_E2E_TARBALL;
	if (!tarball)
		throw new Error('BIGDD_E2E_TARBALL is not set: run the e2e tests through `npm run test:e2e`');
	return tarball;
}

/** Prints a measurement a test made, for the README (the linted .ts tests may not use the console). */
function report(/** @type {string} */ message) {
	console.log(`[measured] ${message}`);
}

/**
 * A local HTTP server that answers every request with 200 and a JSON body that is not BigDD's, as a
 * misconfigured proxy or another API would.
 */
async function startOtherJsonServer() {
	const http = require('node:http');
	const server = http.createServer((_, res) =>
		res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}'),
	);
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${port}`,
		stop: () => new Promise((resolve) => server.close(() => resolve(undefined))),
	};
}

module.exports = { e2eTarball, report, startOtherJsonServer };
