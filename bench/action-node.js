#!/usr/bin/env node
// @ts-check
'use strict';

// On-demand benchmark of the action node in one real n8n against the local BigDD server, each measure
// alternated with a baseline in the same run: one-record operations (Validate, Get order, Create
// download link, Reset downloads) × N items at 0 and 50 ms server
// latency against n8n's HTTP Request node sending the same requests, Return All (pages at 0
// and 20 ms server latency) against a bare fetch loop, a 100,000-key import and a 20 MiB upload against
// bare clients; and the memory n8n's main process takes for a Return All against n8n's HTTP Request node
// paging the same orders. Medians of ROUNDS alternated rounds, reported as ratios; written to
// bench/results.md. `npm run bench` (BENCH_ONLY=items or BENCH_ONLY=memory: that part alone).
const fs = require('node:fs');
const { createBigddServer, API_PREFIX, deterministicBytes } = require('../dev-server/server');
const { createN8n } = require('../harness/n8n');
const { ensureN8n, packPackage } = require('../harness/runtime');
const { actionWorkflow, bigddCredential } = require('../harness/workflows');
const { machineLine, median, runBench, stopAfter, writeSection } = require('./report');

// Sizes n8n 2.41.1's main process survives in one session: with 100,000 orders, or with 1,000 Validate items
// after the 20,000-order runs, it died (the next request was reset). Per page and per item costs are the same.
const ORDERS = Number(process.env.BENCH_ORDERS ?? 20_000);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 300);
const KEYS = Number(process.env.BENCH_KEYS ?? 100_000);
const UPLOAD_BYTES = 20 * 1024 * 1024;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Server latency of the per-item measures: none (n8n's own work is all there is), and what a merchant's n8n sees of BigDD. */
const PER_ITEM_LATENCIES_MS = [0, 50];
const CREDENTIAL_ID = 'bigddBenchAct001';
const RUN_TIMEOUT_MS = 10 * 60_000;
/** `memory` runs only the memory measure, `items` only the per-item operations; anything else (the default) runs all. */
const ONLY = process.env.BENCH_ONLY ?? '';

const codeNode = (/** @type {string} */ name, /** @type {string} */ jsCode) => ({
	name,
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	parameters: { jsCode },
});

async function main() {
	const bigdd = createBigddServer({
		orders: ORDERS,
		products: 5,
		files: 20,
		licenseKeys: ITEMS,
		uploadsPerMinute: 100_000,
	});
	const bigddUrl = await bigdd.start();
	const api = `${bigddUrl}${API_PREFIX}`;
	const auth = { Authorization: `Bearer ${bigdd.token}` };
	const seededKeys = bigdd.shop.licenseKeys.map((/** @type {any} */ k) => k.key);
	const n8n = await createN8n({ tarball: packPackage() });
	await stopAfter(n8n, bigdd, async () => {
		await n8n.importCredentials([
			bigddCredential({ id: CREDENTIAL_ID, baseUrl: bigddUrl, apiToken: bigdd.token }),
		]);
		/** A Code node's source returning one item per object. */
		const itemsCode = (/** @type {object[]} */ jsons) =>
			`return ${JSON.stringify(jsons)}.map((json) => ({ json }));`;
		const keysCode = itemsCode(seededKeys.map((/** @type {string} */ key) => ({ key })));
		const orderLines = bigdd.shop.orders
			.slice(0, ITEMS)
			.map((order) => ({ id: order.id, lineId: order.lines[0].id }));
		const ordersCode = itemsCode(orderLines);
		const fileIds = bigdd.shop.files.map((/** @type {any} */ f) => f.id);
		const filesCode = itemsCode(
			Array.from({ length: ITEMS }, (_, i) => ({ fileId: fileIds[i % fileIds.length] })),
		);
		const orderId = { __rl: true, mode: 'id', value: '={{ $json.id }}' };
		/** n8n's HTTP Request node sending the request a one-record operation sends, for each item of `Items`. */
		const httpRequestNode = (/** @type {Record<string, unknown>} */ parameters) => ({
			name: 'Measured',
			after: 'Items',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				...parameters,
				sendHeaders: true,
				headerParameters: { parameters: [{ name: 'Authorization', value: auth.Authorization }] },
				options: {},
			},
		});
		/** A one-record operation and n8n's HTTP Request node sending the same requests, over the same items. */
		const perItemMeasures = [
			{
				name: 'Validate',
				code: keysCode,
				node: { resource: 'licenseKey', operation: 'validate', key: '={{ $json.key }}' },
				http: {
					url: `${api}/license-keys/validate`,
					sendQuery: true,
					queryParameters: { parameters: [{ name: 'key', value: '={{ $json.key }}' }] },
				},
			},
			{
				name: 'Get order',
				code: ordersCode,
				node: { resource: 'order', operation: 'get', orderId, simplify: false },
				http: { url: `=${api}/orders/{{ $json.id }}` },
			},
			{
				// No expression on either side: what routing itself costs per item, beyond evaluating expressions.
				name: 'Get order, same fixed ID for every item',
				code: ordersCode,
				node: {
					resource: 'order',
					operation: 'get',
					orderId: { __rl: true, mode: 'id', value: orderLines[0].id },
					simplify: false,
				},
				http: { url: `${api}/orders/${orderLines[0].id}` },
			},
			{
				name: 'Create download link',
				code: filesCode,
				node: { resource: 'downloadLink', operation: 'create', fileIds: '={{ $json.fileId }}' },
				http: {
					method: 'POST',
					url: `${api}/download-links`,
					sendBody: true,
					specifyBody: 'json',
					jsonBody: '={{ JSON.stringify({ file_ids: [$json.fileId] }) }}',
				},
			},
			{
				name: 'Reset downloads',
				code: ordersCode,
				node: {
					resource: 'order',
					operation: 'resetDownloads',
					orderId,
					lineId: '={{ $json.lineId }}',
				},
				http: {
					method: 'POST',
					url: `=${api}/orders/{{ $json.id }}/reset-downloads`,
					sendBody: true,
					bodyParameters: { parameters: [{ name: 'line_id', value: '={{ $json.lineId }}' }] },
				},
			},
		].map((measure, index) => ({
			...measure,
			nodeWorkflow: `benchItemsNode0${index}`,
			httpWorkflow: `benchItemsHttp0${index}`,
		}));
		const blob = {
			name: 'Blob',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				url: `${bigddUrl}/__admin/blob?size=${UPLOAD_BYTES}&seed=3`,
				options: { response: { response: { responseFormat: 'file' } } },
			},
		};
		await n8n.importWorkflows([
			actionWorkflow({
				id: 'benchReturnAll01',
				credentialId: CREDENTIAL_ID,
				nodes: [
					{
						name: 'Measured',
						parameters: { resource: 'order', operation: 'getAll', returnAll: true },
					},
				],
			}),
			actionWorkflow({
				id: 'benchHttpPages01',
				credentialId: CREDENTIAL_ID,
				nodes: [
					{
						name: 'Measured',
						type: 'n8n-nodes-base.httpRequest',
						typeVersion: 4.2,
						parameters: {
							url: `${api}/orders?limit=100`,
							sendHeaders: true,
							headerParameters: {
								parameters: [{ name: 'Authorization', value: `Bearer ${bigdd.token}` }],
							},
							options: {
								pagination: {
									pagination: {
										parameters: {
											parameters: [
												{
													type: 'qs',
													name: 'cursor',
													value: '={{ $response.body.pagination.next_cursor }}',
												},
											],
										},
										paginationCompleteWhen: 'other',
										completeExpression: '={{ !$response.body.pagination.has_more }}',
										limitPagesFetched: true,
										maxRequests: 100_000,
									},
								},
							},
						},
					},
				],
			}),
			...perItemMeasures.flatMap((measure) => [
				actionWorkflow({
					id: measure.nodeWorkflow,
					credentialId: CREDENTIAL_ID,
					nodes: [
						codeNode('Items', measure.code),
						{
							name: 'Measured',
							after: 'Items',
							parameters: measure.node,
						},
					],
				}),
				actionWorkflow({
					id: measure.httpWorkflow,
					credentialId: CREDENTIAL_ID,
					nodes: [codeNode('Items', measure.code), httpRequestNode(measure.http)],
				}),
			]),
			actionWorkflow({
				id: 'benchKeys0000001',
				credentialId: CREDENTIAL_ID,
				nodes: [
					codeNode(
						'Keys',
						`const run = Math.random().toString(36).slice(2); return [{ json: { keys: Array.from({ length: ${KEYS} }, (_, i) => run + '-' + i) } }];`,
					),
					{
						name: 'Measured',
						after: 'Keys',
						parameters: {
							resource: 'licenseKey',
							operation: 'create',
							keys: '={{ $json.keys }}',
							duplicates: 'create',
						},
					},
				],
			}),
			actionWorkflow({
				id: 'benchUpload00001',
				credentialId: CREDENTIAL_ID,
				nodes: [
					blob,
					{
						name: 'Measured',
						after: 'Blob',
						parameters: {
							resource: 'file',
							operation: 'upload',
							binaryPropertyName: 'data',
							options: { fileName: 'bench.zip' },
						},
					},
				],
			}),
		]);
		await n8n.start();
		let rest = await n8n.login();
		const flatted = ensureN8n().require('flatted');

		/** Runs a workflow from the editor's REST API; the finished execution, with its data when asked. */
		async function run(/** @type {string} */ workflowId, withData = true) {
			const started = await rest('POST', `/rest/workflows/${workflowId}/run`, {
				triggerToStartFrom: { name: 'Start' },
			});
			if (started.status !== 200)
				throw new Error(
					`${workflowId}: run refused ${started.status} ${JSON.stringify(started.body)}`,
				);
			const executionId = started.body?.data?.executionId;
			const deadline = Date.now() + RUN_TIMEOUT_MS;
			for (;;) {
				const { body } = await rest('GET', `/rest/executions/${executionId}`);
				const execution = body?.data;
				if (execution?.stoppedAt) {
					if (execution.status !== 'success') throw new Error(`${workflowId}: ${execution.status}`);
					if (!withData) return execution;
					// The editor's API sends run data flatted-encoded, as n8n stores it.
					const data =
						typeof execution.data === 'string' ? flatted.parse(execution.data) : execution.data;
					return { ...execution, data };
				}
				if (Date.now() > deadline)
					throw new Error(`${workflowId}: not finished within ${RUN_TIMEOUT_MS / 1000} s`);
				await new Promise((resolve) => setTimeout(resolve, 200));
			}
		}
		/** The Measured node's own time in a run, as n8n records it. */
		const nodeMs = (/** @type {any} */ execution) =>
			execution.data.resultData.runData.Measured[0].executionTime;
		/** From the first to the last request the server received for `path` since the last clear. */
		const serverWindowMs = (/** @type {string} */ path) => {
			const seen = bigdd.requests.filter(
				(/** @type {any} */ r) => r.path === `${API_PREFIX}${path}`,
			);
			return Date.parse(seen[seen.length - 1].at) - Date.parse(seen[0].at);
		};

		async function bareReturnAll() {
			let cursor = '';
			let records = 0;
			do {
				const response = await fetch(
					`${api}/orders?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
					{ headers: auth },
				);
				const page = /** @type {any} */ (await response.json());
				records += page.data.length;
				cursor = page.pagination.has_more ? page.pagination.next_cursor : '';
			} while (cursor);
			if (records !== ORDERS) throw new Error(`bare Return All got ${records} orders`);
		}
		async function bareKeys() {
			const prefix = Math.random().toString(36).slice(2);
			const keys = Array.from({ length: KEYS }, (_, i) => `${prefix}-${i}`);
			const started = performance.now();
			for (let i = 0; i < keys.length; i += 5_000) {
				const response = await fetch(`${api}/license-keys`, {
					method: 'POST',
					headers: { ...auth, 'Content-Type': 'application/json' },
					body: JSON.stringify({ keys: keys.slice(i, i + 5_000), duplicates: 'create' }),
				});
				if (response.status !== 201) throw new Error(`bare key batch: ${response.status}`);
			}
			return performance.now() - started;
		}
		const uploadBytes = deterministicBytes(UPLOAD_BYTES, 3);
		async function bareUpload() {
			const started = performance.now();
			const form = new FormData();
			form.append('file', new Blob([uploadBytes], { type: 'application/zip' }), 'bench.zip');
			const response = await fetch(`${api}/files`, { method: 'POST', headers: auth, body: form });
			if (response.status !== 201)
				throw new Error(`bare upload: ${response.status} ${await response.text()}`);
			return performance.now() - started;
		}

		/**
		 * How much n8n's main process grows (resident memory, MB) during a run, sampled every 20 ms:
		 * the peak over the run minus the resident size just before it. In a freshly started n8n, since a
		 * process rarely gives memory back: after one big run, the next one grows by little.
		 */
		async function mainProcessGrowthMb(/** @type {string} */ workflowId) {
			await n8n.stop();
			await n8n.start();
			rest = await n8n.login();
			const rss = () =>
				Number(
					/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${n8n.pid()}/status`, 'utf8'))?.[1] ??
						NaN,
				) / 1024;
			await new Promise((resolve) => setTimeout(resolve, 2_000));
			const before = rss();
			let peak = before;
			const sampler = setInterval(() => (peak = Math.max(peak, rss())), 20);
			try {
				await run(workflowId, false);
			} finally {
				clearInterval(sampler);
			}
			return peak - before;
		}

		/** @type {Record<string, { node: number[], baseline: number[] }>} */
		const results = {};
		/** @type {Record<string, { node: number[], baseline: number[] }>} */
		const perItemResults = {};
		/** @type {{ node: number[], baseline: number[] }} */
		const memory = { node: [], baseline: [] };
		const record = (
			/** @type {string} */ name,
			/** @type {number} */ node,
			/** @type {number} */ baseline,
			into = results,
		) => {
			into[name] ??= { node: [], baseline: [] };
			into[name].node.push(node);
			into[name].baseline.push(baseline);
			console.log(`${name}: node ${node.toFixed(0)} ms, baseline ${baseline.toFixed(0)} ms`);
		};
		for (let round = 0; round < ROUNDS; round++) {
			const nodeFirst = round % 2 === 0;
			/** Runs the two sides of a measure, in the round's order. */
			const pair = async (
				/** @type {() => Promise<number>} */ node,
				/** @type {() => Promise<number>} */ baseline,
			) => {
				if (nodeFirst) return [await node(), await baseline()];
				const b = await baseline();
				return [await node(), b];
			};
			if (ONLY === 'memory') break;
			for (const latencyMs of PER_ITEM_LATENCIES_MS) {
				bigdd.clearFaults();
				if (latencyMs) bigdd.addFaults({ latencyMs, times: Number.MAX_SAFE_INTEGER });
				for (const measure of perItemMeasures) {
					const [node, http] = await pair(
						async () => nodeMs(await run(measure.nodeWorkflow)),
						async () => nodeMs(await run(measure.httpWorkflow)),
					);
					record(
						`${measure.name} × ${ITEMS.toLocaleString('en')} items, ${latencyMs} ms`,
						node,
						http,
						perItemResults,
					);
				}
			}
			bigdd.clearFaults();
			if (ONLY === 'items') continue;
			for (const latencyMs of [0, 20]) {
				bigdd.clearFaults();
				if (latencyMs)
					bigdd.addFaults({
						method: 'GET',
						path: `${API_PREFIX}/orders`,
						latencyMs,
						times: Number.MAX_SAFE_INTEGER,
					});
				const [node, baseline] = await pair(
					async () => {
						bigdd.requests.splice(0);
						await run('benchReturnAll01', false);
						return serverWindowMs('/orders');
					},
					async () => {
						bigdd.requests.splice(0);
						await bareReturnAll();
						return serverWindowMs('/orders');
					},
				);
				record(
					`Return All ${ORDERS.toLocaleString('en')} orders, ${latencyMs} ms per page`,
					node,
					baseline,
				);
			}
			bigdd.clearFaults();
			const [keys, bareKeysMs] = await pair(
				async () => nodeMs(await run('benchKeys0000001')),
				bareKeys,
			);
			record(
				`Create ${KEYS.toLocaleString('en')} keys (${Math.ceil(KEYS / 5000)} requests)`,
				keys,
				bareKeysMs,
			);
			const [upload, bareUploadMs] = await pair(
				async () => nodeMs(await run('benchUpload00001')),
				bareUpload,
			);
			record(`Upload ${UPLOAD_BYTES / 1024 / 1024} MiB`, upload, bareUploadMs);
		}

		/** The median of the rounds' node / baseline ratios: a round's two sides share the machine's load. */
		const pairedRatio = (
			/** @type {{ node: number[], baseline: number[] }} */ { node, baseline },
		) => median(node.map((value, round) => value / baseline[round]));
		/** Table rows: the medians of each side, and their paired ratio. */
		const rowsOf = (
			/** @type {Record<string, { node: number[], baseline: number[] }>} */ measured,
		) =>
			Object.entries(measured).map(
				([name, sides]) =>
					`| ${name} | ${median(sides.node).toFixed(0)} | ${median(sides.baseline).toFixed(0)} | ${pairedRatio(sides).toFixed(2)} |`,
			);
		if (ONLY !== 'memory') {
			writeSection('Action node, one record per item', [
				machineLine(n8n.version),
				`Medians of ${ROUNDS} rounds, node and baseline alternated; the ratio is the median of the rounds' ratios. The node's own execution time as n8n records it, against n8n's HTTP Request node sending the same ${ITEMS} requests for the same items (its parameters from the same \`$json\` expressions, or the same fixed ID), with the local server answering at once (0 ms) and after 50 ms.`,
				'',
				'| measure | node ms | HTTP Request node ms | node / baseline |',
				'|---|---|---|---|',
				...rowsOf(perItemResults),
			]);
		}
		if (ONLY === 'items') return;
		if (ONLY !== 'memory') {
			writeSection('Action node', [
				machineLine(n8n.version),
				`Medians of ${ROUNDS} rounds, node and baseline alternated; the ratio is the median of the rounds' ratios. Return All: from the first to the last page the server received (same for the bare fetch loop). Others: the node's own execution time as n8n records it; bare clients timed around their requests.`,
				'',
				'| measure | node ms | baseline ms | node / baseline |',
				'|---|---|---|---|',
				...rowsOf(results),
			]);
		}
		// Last: each memory sample restarts n8n, which would leave the timings above a cold process.
		for (let round = 0; round < ROUNDS; round++) {
			const first = round % 2 === 0 ? 'benchReturnAll01' : 'benchHttpPages01';
			const second = first === 'benchReturnAll01' ? 'benchHttpPages01' : 'benchReturnAll01';
			const mb = {
				[first]: await mainProcessGrowthMb(first),
				[second]: await mainProcessGrowthMb(second),
			};
			memory.node.push(mb.benchReturnAll01);
			memory.baseline.push(mb.benchHttpPages01);
			console.log(
				`memory: node +${mb.benchReturnAll01.toFixed(0)} MB, HTTP Request node +${mb.benchHttpPages01.toFixed(0)} MB`,
			);
		}
		const perTenThousand = (/** @type {number[]} */ samples) => (median(samples) * 10_000) / ORDERS;
		writeSection('Action node memory', [
			machineLine(n8n.version),
			`Return All of ${ORDERS.toLocaleString('en')} orders; medians of ${ROUNDS} rounds alternated with n8n's HTTP Request node paging the same orders (its pagination option, 100 per page); the ratio is the median of the rounds' ratios. Growth of a freshly started n8n main process (resident memory, peak during the run minus just before it, sampled every 20 ms), scaled to 10,000 orders.`,
			'',
			'| measure | node MB | HTTP Request node MB | node / baseline |',
			'|---|---|---|---|',
			`| main process growth per 10,000 orders | ${perTenThousand(memory.node).toFixed(0)} | ${perTenThousand(memory.baseline).toFixed(0)} | ${pairedRatio(memory).toFixed(2)} |`,
		]);
	});
}

runBench(main);
