#!/usr/bin/env node
// @ts-check
'use strict';

// On-demand benchmark: time from sending a signed BigDD event to the answer, in one real n8n, for the
// trigger and for n8n's own Webhook node (v1 pays the same per-request expression isolate as every
// community trigger; v2 skips it) measured in the same run. Two shapes: one request at a time
// (targets alternated per round), and bursts of concurrent senders (targets alternated per burst).
// Reported as ratios to the baselines, printed and written to bench/results.md. `npm run bench`.
const { createBigddServer } = require('../dev-server/server');
const { buildEvent, deliverWebhook } = require('../dev-server/webhooks');
const { createN8n } = require('../harness/n8n');
const { packPackage } = require('../harness/runtime');
const { bigddCredential, triggerWorkflow } = require('../harness/workflows');
const { machineLine, median, quantile, runBench, writeSection } = require('./report');

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 60);
const BURST_EVENTS = Number(process.env.BENCH_BURST_EVENTS ?? 200);
const BURST_SENDERS = Number(process.env.BENCH_BURST_SENDERS ?? 25);
const BURST_REPEATS = Number(process.env.BENCH_BURST_REPEATS ?? 3);
const PAUSE_MS = Number(process.env.BENCH_PAUSE_MS ?? 250);
const WARMUP = 5;
const SECRET = 'whsec_example_bench_secret';
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
const shuffled = (/** @type {string[]} */ values) =>
	values
		.map((v) => /** @type {const} */ ([Math.random(), v]))
		.sort((a, b) => a[0] - b[0])
		.map(([, v]) => v);

/** A Webhook node workflow answering on receipt, as the baseline. */
function webhookNodeWorkflow(
	/** @type {string} */ id,
	/** @type {number} */ typeVersion,
	/** @type {string} */ webhookPath,
) {
	return {
		id,
		name: `baseline ${webhookPath}`,
		active: false,
		nodes: [
			{
				id: 'w',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion,
				position: [0, 0],
				webhookId: webhookPath,
				parameters: {
					httpMethod: 'POST',
					path: webhookPath,
					responseMode: 'onReceived',
					options: {},
				},
			},
			{
				id: 'd',
				name: 'Done',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [300, 0],
				parameters: {},
			},
		],
		connections: { Webhook: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** Sends `events` from `senders` concurrent senders; returns each answer's time in ms. */
async function burst(
	/** @type {string} */ url,
	/** @type {any[]} */ events,
	/** @type {number} */ senders,
) {
	/** @type {number[]} */
	const times = [];
	let next = 0;
	await Promise.all(
		Array.from({ length: senders }, async () => {
			while (next < events.length) {
				const answer = await deliverWebhook({
					url,
					secret: SECRET,
					event: events[next++],
					timeoutMs: 120_000,
				});
				if (answer.status !== 200)
					throw new Error(`unexpected status ${answer.status}: ${answer.body}`);
				times.push(answer.elapsedMs);
			}
		}),
	);
	return times;
}

async function main() {
	const bigdd = createBigddServer({ orders: 20, products: 5, files: 20, licenseKeys: 5 });
	const bigddUrl = await bigdd.start();
	const n8n = await createN8n({ tarball: packPackage() });
	try {
		await n8n.importCredentials([
			bigddCredential({
				id: 'bigddBenchCred01',
				baseUrl: bigddUrl,
				apiToken: bigdd.token,
				webhookSigningSecret: SECRET,
			}),
		]);
		await n8n.importWorkflows([
			triggerWorkflow({
				id: 'bigddBenchTrig01',
				webhookId: 'bench-bigdd',
				credentialId: 'bigddBenchCred01',
				events: ['digital_order.purchased'],
			}),
			webhookNodeWorkflow('bigddBenchBaseV1', 1, 'bench-v1'),
			webhookNodeWorkflow('bigddBenchBaseV2', 2, 'bench-v2'),
		]);
		for (const id of ['bigddBenchTrig01', 'bigddBenchBaseV1', 'bigddBenchBaseV2'])
			await n8n.publish(id);
		await n8n.start();
		await n8n.waitForWebhook('bench-bigdd/bigdd');
		await n8n.waitForWebhook('bench-v1'); // a Webhook node's path is the full path
		await n8n.waitForWebhook('bench-v2');
		const urls = {
			trigger: `${n8n.baseUrl}/webhook/bench-bigdd/bigdd`,
			webhookV1: `${n8n.baseUrl}/webhook/bench-v1`,
			webhookV2: `${n8n.baseUrl}/webhook/bench-v2`,
		};
		const workflowIds = {
			trigger: 'bigddBenchTrig01',
			webhookV1: 'bigddBenchBaseV1',
			webhookV2: 'bigddBenchBaseV2',
		};
		let eventNumber = 0;
		const purchase = () =>
			buildEvent(bigdd.shop, 'digital_order.purchased', {
				id: `evt_bench_${++eventNumber}`,
				orderIndex: eventNumber,
			});

		/** @type {Record<string, number[]>} */
		const single = { trigger: [], ignored: [], webhookV1: [], webhookV2: [] };
		/** @type {Record<string, () => Promise<{ status: number, elapsedMs: number }>>} */
		const requests = {
			trigger: () => deliverWebhook({ url: urls.trigger, secret: SECRET, event: purchase() }),
			// Verified but not selected: the same checks without starting a run.
			ignored: () =>
				deliverWebhook({
					url: urls.trigger,
					secret: SECRET,
					event: buildEvent(bigdd.shop, 'file.downloaded', {
						id: `evt_bench_ignored_${++eventNumber}`,
					}),
				}),
			webhookV1: () => deliverWebhook({ url: urls.webhookV1, secret: SECRET, event: purchase() }),
			webhookV2: () => deliverWebhook({ url: urls.webhookV2, secret: SECRET, event: purchase() }),
		};
		for (let round = 0; round < ROUNDS + WARMUP; round++) {
			// n8n refills its expression isolate pool after each request: a request sent right behind
			// another waits for that. A shuffled order and a pause give every target the same conditions.
			for (const name of shuffled(Object.keys(requests))) {
				await sleep(PAUSE_MS);
				const answer = await requests[name]();
				if (answer.status !== 200) throw new Error(`${name}: unexpected status ${answer.status}`);
				if (round >= WARMUP) single[name].push(answer.elapsedMs);
			}
		}

		/** @type {Record<string, { p50: number[], p95: number[] }>} */
		const bursts = {
			trigger: { p50: [], p95: [] },
			webhookV1: { p50: [], p95: [] },
			webhookV2: { p50: [], p95: [] },
		};
		const order = /** @type {(keyof typeof urls)[]} */ (['trigger', 'webhookV1', 'webhookV2']);
		for (let repeat = 0; repeat < BURST_REPEATS; repeat++) {
			// Rotate which target goes first, so none always meets the machine after the others' runs.
			for (const name of [...order.slice(repeat % 3), ...order.slice(0, repeat % 3)]) {
				const events = Array.from({ length: BURST_EVENTS }, purchase);
				const times = await burst(urls[name], events, BURST_SENDERS);
				bursts[name].p50.push(quantile(times, 0.5));
				bursts[name].p95.push(quantile(times, 0.95));
				// Let the runs the burst started finish before the next target's burst.
				const runs = ROUNDS + WARMUP + (repeat + 1) * BURST_EVENTS; // single rounds + bursts so far
				if ((await n8n.waitForExecutions(workflowIds[name], runs, 120_000)).length < runs)
					throw new Error(`${name}: runs missing`);
			}
		}

		const ms = (/** @type {number} */ v) => v.toFixed(0);
		const ratio = (/** @type {number} */ a, /** @type {number} */ b) => (a / b).toFixed(2);
		const s = Object.fromEntries(
			Object.entries(single).map(([k, v]) => [k, { p50: median(v), p95: quantile(v, 0.95) }]),
		);
		const b = Object.fromEntries(
			Object.entries(bursts).map(([k, v]) => [k, { p50: median(v.p50), p95: median(v.p95) }]),
		);
		writeSection('Trigger', [
			machineLine(n8n.version),
			`Single: ${ROUNDS} rounds, one request at a time with ${PAUSE_MS} ms between, targets in shuffled order. Burst: ${BURST_EVENTS} events from ${BURST_SENDERS} concurrent senders, ${BURST_REPEATS} bursts per target (median of their p50 / p95).`,
			'',
			'| measure | trigger | Webhook v1 | Webhook v2 | trigger / v1 | trigger / v2 |',
			'|---|---|---|---|---|---|',
			`| single, accepted event, p50 ms | ${ms(s.trigger.p50)} | ${ms(s.webhookV1.p50)} | ${ms(s.webhookV2.p50)} | ${ratio(s.trigger.p50, s.webhookV1.p50)} | ${ratio(s.trigger.p50, s.webhookV2.p50)} |`,
			`| single, accepted event, p95 ms | ${ms(s.trigger.p95)} | ${ms(s.webhookV1.p95)} | ${ms(s.webhookV2.p95)} | ${ratio(s.trigger.p95, s.webhookV1.p95)} | ${ratio(s.trigger.p95, s.webhookV2.p95)} |`,
			`| single, verified but ignored, p50 ms | ${ms(s.ignored.p50)} | | | ${ratio(s.ignored.p50, s.webhookV1.p50)} | ${ratio(s.ignored.p50, s.webhookV2.p50)} |`,
			`| burst, p50 ms | ${ms(b.trigger.p50)} | ${ms(b.webhookV1.p50)} | ${ms(b.webhookV2.p50)} | ${ratio(b.trigger.p50, b.webhookV1.p50)} | ${ratio(b.trigger.p50, b.webhookV2.p50)} |`,
			`| burst, p95 ms | ${ms(b.trigger.p95)} | ${ms(b.webhookV1.p95)} | ${ms(b.webhookV2.p95)} | ${ratio(b.trigger.p95, b.webhookV1.p95)} | ${ratio(b.trigger.p95, b.webhookV2.p95)} |`,
		]);
	} finally {
		await n8n.dispose();
		await bigdd.stop();
	}
}

runBench(main);
