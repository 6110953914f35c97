#!/usr/bin/env node
// @ts-check
'use strict';

// On-demand benchmark of large runs under BigDD's rate limit, in one real n8n against the local BigDD
// limited to LIMIT requests/s: ITEMS items of Get order (n8n's routing path) and of Validate (the node's
// own request path), each reported against its floor, the time the limit allows (ITEMS / LIMIT), and as
// requests sent per item. Written to bench/results.md. `npm run bench` (or `node bench/large-run.js`).
const { createBigddServer } = require('../dev-server/server');
const { createN8n } = require('../harness/n8n');
const { packPackage } = require('../harness/runtime');
const { actionWorkflow, bigddCredential } = require('../harness/workflows');
const { machineLine, runBench, stopAfter, writeSection } = require('./report');

const ITEMS = Number(process.env.BENCH_LARGE_ITEMS ?? 2_000);
const LIMIT = Number(process.env.BENCH_LIMIT ?? 10);
const CREDENTIAL_ID = 'bigddBenchLarge1';
const RUN_TIMEOUT_MS = 20 * 60_000;

async function main() {
	const bigdd = createBigddServer({
		orders: 200,
		products: 5,
		files: 5,
		licenseKeys: 200,
		requestsPerSecond: LIMIT,
	});
	const bigddUrl = await bigdd.start();
	const n8n = await createN8n({ tarball: packPackage() });
	await stopAfter(n8n, bigdd, async () => {
		await n8n.importCredentials([
			bigddCredential({ id: CREDENTIAL_ID, baseUrl: bigddUrl, apiToken: bigdd.token }),
		]);
		const orders = bigdd.shop.orders.map((/** @type {any} */ o) => o.id);
		const keys = bigdd.shop.licenseKeys.map((/** @type {any} */ k) => k.key);
		const measures = [
			{
				id: 'benchLargeOrders',
				name: 'Get order',
				values: orders,
				parameters: {
					resource: 'order',
					operation: 'get',
					orderId: { __rl: true, mode: 'id', value: '={{ $json.value }}' },
				},
			},
			{
				id: 'benchLargeKeys01',
				name: 'Validate',
				values: keys,
				parameters: { resource: 'licenseKey', operation: 'validate', key: '={{ $json.value }}' },
			},
		];
		await n8n.importWorkflows(
			measures.map((m) =>
				actionWorkflow({
					id: m.id,
					credentialId: CREDENTIAL_ID,
					nodes: [
						{
							name: 'Items',
							type: 'n8n-nodes-base.code',
							typeVersion: 2,
							parameters: {
								jsCode: `const v = ${JSON.stringify(m.values)}; return Array.from({ length: ${ITEMS} }, (_, i) => ({ json: { value: v[i % v.length] } }));`,
							},
						},
						{ name: 'Measured', after: 'Items', typeVersion: 1.1, parameters: m.parameters },
					],
				}),
			),
		);
		await n8n.start();
		const rest = await n8n.login();
		const floorSeconds = ITEMS / LIMIT;
		const rows = [];
		/** The bounds `npm test` holds at 600 items (test/e2e/largeRun.test.ts), held here at ITEMS without the allowance for fixed costs. */
		const outOfBounds = [];
		for (const measure of measures) {
			bigdd.requests.splice(0);
			const before = (await n8n.executions(measure.id)).length;
			const started = await rest('POST', `/rest/workflows/${measure.id}/run`, {
				triggerToStartFrom: { name: 'Start' },
			});
			if (started.status !== 200) throw new Error(`${measure.id}: run refused ${started.status}`);
			const [execution] = /** @type {any[]} */ (
				await n8n.waitForExecutions(measure.id, before + 1, RUN_TIMEOUT_MS)
			);
			const output = execution.data.resultData.runData.Measured[0].data.main[0];
			const errors = output.filter((/** @type {any} */ item) => 'error' in item.json).length;
			if (execution.status !== 'success' || output.length !== ITEMS || errors)
				throw new Error(
					`${measure.id}: ${execution.status}, ${output.length} items, ${errors} errors`,
				);
			const seconds = execution.data.resultData.runData.Measured[0].executionTime / 1000;
			const requests = bigdd.requests.length;
			const refused = bigdd.requests.filter((/** @type {any} */ r) => r.status === 429).length;
			console.log(
				`${measure.name}: ${requests} requests (${refused} answered 429), ${seconds.toFixed(1)} s`,
			);
			if (requests / ITEMS > 1.2 || seconds / floorSeconds > 1.2)
				outOfBounds.push(
					`${measure.name}: ${(requests / ITEMS).toFixed(3)} requests per item, ${(seconds / floorSeconds).toFixed(2)}x the floor (bounds: 1.2 and 1.2)`,
				);
			rows.push(
				`| ${measure.name} × ${ITEMS.toLocaleString('en')} | ${(requests / ITEMS).toFixed(3)} (${refused} × 429) | ${seconds.toFixed(1)} | ${floorSeconds} | ${(seconds / floorSeconds).toFixed(2)} |`,
			);
		}
		writeSection('Large runs under a rate limit', [
			machineLine(n8n.version),
			`One run each against the local BigDD limited to ${LIMIT} requests/s (a sliding window, 429 with Retry-After: 1). Time: the node's own execution time as n8n records it; floor: the time the limit allows (${ITEMS} / ${LIMIT} s).`,
			'',
			'| measure | requests per item | node s | floor s | node / floor |',
			'|---|---|---|---|---|',
			...rows,
		]);
		if (outOfBounds.length) throw new Error(`large runs out of bounds:\n${outOfBounds.join('\n')}`);
	});
}

runBench(main);
