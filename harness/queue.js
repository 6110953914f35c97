// @ts-check
'use strict';

// n8n's queue mode as users scale it out: PostgreSQL and Redis, a main process (editor, REST, no
// production webhooks), workers that execute, and webhook processors that receive webhooks; every
// process with its own user folder sharing one package install and one encryption key.
const fs = require('node:fs');
const path = require('node:path');
const { createN8n } = require('./n8n');
const { freePort } = require('./ports');
const { startPostgres, startRedis } = require('./services');

/**
 * @param {{ tarball?: string, webhookProcessors?: number, workers?: number, env?: Record<string, string>, workerEnv?: Record<string, string> }} options
 *   Without `tarball` each process has its own user folder with nothing installed, as separate containers
 *   do, and n8n installs the package (env-managed: `env`); with it, every process shares the main's folder.
 *   `workerEnv` is added for the workers and webhook processors only.
 */
async function createQueueCluster(options) {
	const started = await Promise.allSettled([startRedis(), startPostgres()]);
	const failed = started.find((s) => s.status === 'rejected');
	if (failed) {
		await Promise.all(started.map((s) => s.status === 'fulfilled' && s.value.stop()));
		throw /** @type {PromiseRejectedResult} */ (failed).reason;
	}
	const [redis, postgres] =
		/** @type {[Awaited<ReturnType<typeof startRedis>>, Awaited<ReturnType<typeof startPostgres>>]} */ (
			started.map((s) => /** @type {PromiseFulfilledResult<any>} */ (s).value)
		);
	const webhookPorts = await Promise.all(
		Array.from({ length: options.webhookProcessors ?? 1 }, freePort),
	);
	/** @type {Awaited<ReturnType<typeof createN8n>> | undefined} */
	let main;
	try {
		main = await createN8n({
			tarball: options.tarball,
			env: {
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(redis.port),
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: '127.0.0.1',
				DB_POSTGRESDB_PORT: String(postgres.port),
				DB_POSTGRESDB_DATABASE: postgres.database,
				DB_POSTGRESDB_USER: 'postgres',
				DB_POSTGRESDB_PASSWORD: '',
				// A binary a webhook processor receives is read by a worker: both must reach it.
				N8N_DEFAULT_BINARY_DATA_MODE: 'database',
				OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
				N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
				WEBHOOK_URL: `http://127.0.0.1:${webhookPorts[0]}/`,
				...options.env,
			},
		});
	} catch (error) {
		await Promise.all([redis.stop(), postgres.stop()]);
		throw error;
	}
	const n8n = main;

	/** A user folder for one more process: sharing the main folder's installed packages, or its own (nothing installed: n8n installs). */
	const folderFor = (/** @type {string} */ name) => {
		const folder = path.join(n8n.root, name);
		fs.mkdirSync(path.join(folder, '.n8n'), { recursive: true });
		const nodes = path.join(folder, '.n8n', 'nodes');
		if (!options.tarball) fs.mkdirSync(nodes, { recursive: true });
		else if (!fs.existsSync(nodes)) fs.symlinkSync(path.join(n8n.root, '.n8n', 'nodes'), nodes);
		return folder;
	};

	/** Starts one worker with its own user folder `name` (and `extraEnv`); resolves, with its folder and log, when it is ready. */
	async function startWorker(
		/** @type {string} */ name,
		/** @type {Record<string, string>} */ extraEnv = {},
	) {
		const [health, broker] = [await freePort(), await freePort()];
		const processName = await n8n.startProcess(
			'worker',
			{
				...options.workerEnv,
				N8N_USER_FOLDER: folderFor(name),
				npm_config_cache: path.join(n8n.root, name, '.npm'),
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(health),
				N8N_RUNNERS_BROKER_PORT: String(broker),
				N8N_PORT: String(await freePort()),
				...extraEnv,
			},
			`http://127.0.0.1:${health}/healthz/readiness`,
		);
		return { folder: path.join(n8n.root, name), log: () => n8n.log(processName) };
	}

	async function startWorkers() {
		await Promise.all([
			...Array.from(
				{ length: options.workers ?? 1 },
				async (_, i) => await startWorker(`worker-${i + 1}`),
			),
			...webhookPorts.map(async (port, i) => {
				await n8n.startProcess(
					'webhook',
					{
						...options.workerEnv,
						N8N_USER_FOLDER: folderFor(`webhook-${i + 1}`),
						npm_config_cache: path.join(n8n.root, `webhook-${i + 1}`, '.npm'),
						N8N_PORT: String(port),
						N8N_RUNNERS_BROKER_PORT: String(await freePort()),
					},
					`http://127.0.0.1:${port}/healthz/readiness`,
				);
			}),
		]);
	}

	return {
		main: n8n,
		/** Base URL of webhook processor `index` (0-based). */
		webhookBaseUrl: (index = 0) => `http://127.0.0.1:${webhookPorts[index]}`,
		/** Starts main, then the workers and webhook processors; resolves when all are ready. */
		async start() {
			await n8n.start();
			await startWorkers();
		},
		stop: () => n8n.stop(),
		/** One more worker, with its own user folder `name` and `extraEnv`: its folder and its log. */
		startWorker,
		/** Execution ids a worker logged as started ("Worker started execution N"). */
		executionsStartedByWorkers() {
			const ids = new Set();
			for (let i = 1; i <= (options.workers ?? 1); i++) {
				const log = fs.existsSync(path.join(n8n.root, `n8n-worker-${i}.log`))
					? n8n.log(`worker-${i}`)
					: '';
				for (const match of log.matchAll(/Worker started execution (\d+)/g)) ids.add(match[1]);
			}
			return ids;
		},
		async dispose() {
			await n8n.dispose();
			await Promise.all([redis.stop(), postgres.stop()]);
		},
	};
}

module.exports = { createQueueCluster };
