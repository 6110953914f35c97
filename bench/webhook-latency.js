#!/usr/bin/env node
// @ts-check
'use strict';

// On-demand benchmark: time from sending a signed BigDD event to the trigger's answer, in a real
// n8n, as a ratio to n8n's own Webhook node (responding on receipt) measured in the same run,
// alternating requests so both see the same machine load. `npm run bench` (builds first).
const { createBigddServer } = require('../dev-server/server');
const { buildEvent, deliverWebhook } = require('../dev-server/webhooks');
const { createN8n } = require('../test/harness/n8n');
const { packPackage } = require('../test/harness/runtime');
const { bigddCredential, triggerWorkflow } = require('../test/harness/workflows');

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 60);
const WARMUP = 5;
const SECRET = 'whsec_example_bench_secret';

const median = (/** @type {number[]} */ values) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
};
const p90 = (/** @type {number[]} */ values) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.9)];

async function main() {
	const bigdd = createBigddServer({ orders: 20, products: 5, files: 20, licenseKeys: 5 });
	const bigddUrl = await bigdd.start();
	const n8n = await createN8n({ tarball: packPackage() });
	try {
		await n8n.importCredentials([bigddCredential({ id: 'bigddBenchCred01', baseUrl: bigddUrl, apiToken: bigdd.token, webhookSigningSecret: SECRET })]);
		await n8n.importWorkflows([
			triggerWorkflow({ id: 'bigddBenchTrig01', webhookId: 'bench-bigdd', credentialId: 'bigddBenchCred01', events: ['digital_order.purchased'] }),
			{
				id: 'bigddBenchBase01',
				name: 'baseline',
				active: false,
				nodes: [
					{ id: 'w', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: 'bench-base', parameters: { httpMethod: 'POST', path: 'bench-base', responseMode: 'onReceived', options: {} } },
					{ id: 'd', name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [300, 0], parameters: {} },
				],
				connections: { Webhook: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
				settings: { executionOrder: 'v1' },
			},
		]);
		await n8n.publish('bigddBenchTrig01');
		await n8n.publish('bigddBenchBase01');
		await n8n.start();
		await n8n.waitForWebhook('bench-bigdd/bigdd');
		await n8n.waitForWebhook('bench-base'); // the Webhook node's path is the full path

		/** @type {{ trigger: number[], ignored: number[], baseline: number[] }} */
		const times = { trigger: [], ignored: [], baseline: [] };
		for (let round = 0; round < ROUNDS + WARMUP; round++) {
			const event = buildEvent(bigdd.shop, 'digital_order.purchased', { id: `evt_bench_${round}`, orderIndex: round });
			const ours = await deliverWebhook({ url: `${n8n.baseUrl}/webhook/bench-bigdd/bigdd`, secret: SECRET, event });
			// Verified but not selected: the same checks without starting a run or remembering the id.
			const unselected = buildEvent(bigdd.shop, 'file.downloaded', { id: `evt_bench_ignored_${round}` });
			const ignored = await deliverWebhook({ url: `${n8n.baseUrl}/webhook/bench-bigdd/bigdd`, secret: SECRET, event: unselected });
			const base = await deliverWebhook({ url: `${n8n.baseUrl}/webhook/bench-base`, secret: SECRET, event });
			if (ours.status !== 200 || ignored.status !== 200 || base.status !== 200) {
				throw new Error(`unexpected status ${ours.status} / ${ignored.status} / ${base.status}`);
			}
			if (round >= WARMUP) {
				times.trigger.push(ours.elapsedMs);
				times.ignored.push(ignored.elapsedMs);
				times.baseline.push(base.elapsedMs);
			}
		}
		const report = {
			rounds: ROUNDS,
			triggerMedianMs: Number(median(times.trigger).toFixed(1)),
			triggerP90Ms: Number(p90(times.trigger).toFixed(1)),
			ignoredMedianMs: Number(median(times.ignored).toFixed(1)),
			baselineMedianMs: Number(median(times.baseline).toFixed(1)),
			baselineP90Ms: Number(p90(times.baseline).toFixed(1)),
			ratioMedian: Number((median(times.trigger) / median(times.baseline)).toFixed(2)),
			ignoredRatioMedian: Number((median(times.ignored) / median(times.baseline)).toFixed(2)),
		};
		console.log(JSON.stringify(report, null, 2));
	} finally {
		await n8n.dispose();
		await bigdd.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
