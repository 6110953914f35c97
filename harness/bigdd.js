// @ts-check
'use strict';

// A local BigDD server per test file, with the credential data that points at it.
const { createBigddServer } = require('../dev-server/server');

/** @param {Parameters<typeof createBigddServer>[0]} [options] */
async function startBigdd(options) {
	const server = createBigddServer(options);
	const url = await server.start();
	return {
		server,
		url,
		credentials: {
			apiToken: server.token,
			baseUrl: url,
			webhookSigningSecret: server.webhookSecret,
		},
		/** API requests received since the last clear, without admin calls. */
		requests: () => server.requests,
		clear: () => server.requests.splice(0),
		/** @param {import('../dev-server/server').FaultRule | import('../dev-server/server').FaultRule[]} rules */
		fault: (rules) => server.addFaults(rules),
	};
}

module.exports = { startBigdd };
