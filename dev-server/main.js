#!/usr/bin/env node
// @ts-check
'use strict';

// Starts the local BigDD API server: `npm run server -- --port 4010 --orders 5000`.
const { parseArgs } = require('node:util');
const { createBigddServer } = require('./server');

const { values } = parseArgs({
	options: {
		port: { type: 'string', default: '4010' },
		token: { type: 'string' },
		'webhook-secret': { type: 'string' },
		seed: { type: 'string' },
		products: { type: 'string' },
		files: { type: 'string' },
		orders: { type: 'string' },
		'license-keys': { type: 'string' },
		'uploads-per-minute': { type: 'string' },
		'requests-per-second': { type: 'string' },
	},
});
const num = (/** @type {string | undefined} */ v) => (v === undefined ? undefined : Number(v));

const server = createBigddServer({
	token: values.token,
	webhookSecret: values['webhook-secret'],
	seed: num(values.seed),
	products: num(values.products),
	files: num(values.files),
	orders: num(values.orders),
	licenseKeys: num(values['license-keys']),
	uploadsPerMinute: num(values['uploads-per-minute']),
	requestsPerSecond: num(values['requests-per-second']),
});

server.start(Number(values.port)).then((url) => {
	console.log(`BigDD local API listening on ${url}/public-api/v1 (token: ${server.token})`);
	const stop = () => server.stop().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
});
