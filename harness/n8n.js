// @ts-check
'use strict';

// Drives a real, pinned n8n: a fresh user folder per instance, the package installed from its
// tarball into the community-nodes folder, CLI imports and headless executions, and `n8n start`.
// Its jobs live apart: ports.js (free ports), n8n-process.js (its processes), n8n-cli.js (its command line),
// n8n-rest.js (its REST and public APIs); this file sets an instance up and puts them together.
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { n8nCli, CLI_TIMEOUT_MS } = require('./n8n-cli');
const { n8nProcesses } = require('./n8n-process');
const { n8nRest, OWNER } = require('./n8n-rest');
const { freePort } = require('./ports');
const { runBounded } = require('./processes');
const { ensureN8n, PACKAGE_NAME } = require('./runtime');

const NODE_TYPE_PREFIX = `${PACKAGE_NAME}.`;

/**
 * What differs between the n8n major lines the package is tested on.
 * 1.x: no owner from the environment (set up through REST), REST routes answer some seconds after
 * /healthz/readiness, isolated-vm is not built (legacy expression engine), no mcp-registry module to
 * disable, and workflows are activated rather than published.
 */
const LINES = {
	2: {
		env: { N8N_DISABLED_MODULES: 'mcp-registry' },
		readyPath: '/healthz/readiness',
		publishArgs: (/** @type {string} */ id) => ['publish:workflow', `--id=${id}`],
	},
	1: {
		env: { N8N_EXPRESSION_ENGINE: 'legacy' },
		readyPath: '/rest/settings',
		publishArgs: (/** @type {string} */ id) => ['update:workflow', `--id=${id}`, '--active=true'],
	},
};

/**
 * @param {{ tarball?: string, env?: Record<string, string>, root?: string, port?: number, line?: '2' | '1' }} options
 *   `root` keeps the user folder (and its encryption key) across runs, as `npm start` does; without
 *   it a fresh temporary folder is used and removed by dispose(). `line` is the n8n major line (default 2).
 *   Without `tarball` nothing is installed: n8n installs the package itself (Community Nodes, env-managed).
 */
async function createN8n(options) {
	const runtime = ensureN8n(options.line);
	const line = LINES[runtime.line === '1' ? 1 : 2];
	const root = options.root ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bigdd-n8n-'));
	const nodesDir = path.join(root, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	const keyFile = path.join(root, 'encryption-key');
	if (!fs.existsSync(keyFile))
		fs.writeFileSync(keyFile, crypto.randomBytes(24).toString('hex'), { mode: 0o600 });
	// As n8n writes it before its first Community Nodes install (it records each package under dependencies).
	fs.writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }),
	);
	// As a user's Community Nodes install (or update) does; the n8n-workflow peer is n8n's own, hence --legacy-peer-deps.
	const install = async (/** @type {string} */ tarball) =>
		await runBounded(
			'npm',
			['install', '--no-audit', '--no-fund', '--ignore-scripts', '--legacy-peer-deps', tarball],
			{ cwd: nodesDir, timeoutMs: CLI_TIMEOUT_MS },
		);
	if (options.tarball) await install(options.tarball);

	const bcrypt = runtime.require('bcryptjs');
	const [port, brokerPort] = [options.port ?? (await freePort()), await freePort()];
	const env = {
		// Not npm's own settings of the command that runs the tests (npm_config_local_prefix, _cafile…): the npm
		// that n8n runs to install packages would read them, as no real n8n's does.
		...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key))),
		// npm's cache of this n8n's own, as a fresh container's: nothing another test downloaded is reused.
		npm_config_cache: path.join(root, '.npm'),
		// Under jest NODE_ENV is "test", which silences n8n's output (and so its run JSON).
		NODE_ENV: 'production',
		PATH: `${runtime.nodeBin}:${process.env.PATH}`,
		N8N_USER_FOLDER: root,
		N8N_ENCRYPTION_KEY: fs.readFileSync(keyFile, 'utf8'),
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		...line.env,
		N8N_SECURE_COOKIE: 'false',
		N8N_LOG_LEVEL: 'info',
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: OWNER.email,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(OWNER.password, 10),
		DB_SQLITE_POOL_SIZE: '2',
		// Publications are processed from an outbox polled every 15 s by default.
		N8N_WORKFLOW_PUBLICATION_OUTBOX_POLL_INTERVAL_MS: '500',
		N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
		...options.env,
	};
	const baseUrl = `http://127.0.0.1:${port}`;
	const { processes, launch, stopAll, diagnosis } = n8nProcesses({ runtime, env, root, port });
	const { cli, writeJson } = n8nCli({ runtime, env, root });
	const rest = n8nRest({ baseUrl, runtime, diagnosis });
	/** Stops every process of this instance, the main one last; its REST session ends with it. */
	const stop = async () => {
		rest.forget();
		await stopAll();
	};

	const instance = {
		version: runtime.version,
		root,
		port,
		baseUrl,
		owner: OWNER,
		/** Installs another build of the package over the installed one (an upgrade); takes effect at the next start. */
		async installPackage(/** @type {string} */ tarball) {
			await install(tarball);
		},
		/** The version of the package installed in this user folder. */
		installedVersion: () =>
			JSON.parse(
				fs.readFileSync(path.join(nodesDir, 'node_modules', PACKAGE_NAME, 'package.json'), 'utf8'),
			).version,
		/**
		 * Makes n8n's database refuse writes (an exclusive lock held by another process) until the
		 * returned release() is called, as a database outage would: n8n cannot record, so cannot start, a run.
		 */
		async lockDatabase() {
			const holder = spawn(
				path.join(runtime.nodeBin, 'node'),
				[
					path.join(__dirname, 'sqlite-lock.js'),
					runtime.dir,
					path.join(root, '.n8n', 'database.sqlite'),
				],
				{
					stdio: ['pipe', 'pipe', 'inherit'],
				},
			);
			const locked = await new Promise((resolve) => {
				holder.stdout?.once('data', () => resolve(true));
				holder.once('exit', () => resolve(false));
			});
			if (!locked) throw new Error('could not lock the n8n database');
			return {
				async release() {
					const exited = new Promise((resolve) => holder.once('exit', resolve));
					holder.stdin?.end();
					await exited;
				},
			};
		},
		/**
		 * What n8n stored for every credential, decrypted (`n8n export:credentials`): name, type and data.
		 * @returns {Promise<{ id: string, name: string, type: string, data: Record<string, unknown> }[]>}
		 */
		async storedCredentials() {
			const file = path.join(root, `credentials-export-${Date.now()}.json`);
			await cli(['export:credentials', '--all', '--decrypted', `--output=${file}`]);
			return JSON.parse(fs.readFileSync(file, 'utf8'));
		},
		/** @param {{ id: string, name: string, type: string, data: Record<string, unknown> }[]} credentials */
		async importCredentials(credentials) {
			await cli([
				'import:credentials',
				`--input=${writeJson(`credentials-${Date.now()}.json`, credentials)}`,
			]);
		},
		/** @param {any[]} workflows */
		async importWorkflows(workflows) {
			const dir = fs.mkdtempSync(path.join(root, 'workflows-'));
			for (const workflow of workflows)
				fs.writeFileSync(path.join(dir, `${workflow.id}.json`), JSON.stringify(workflow));
			await cli(['import:workflow', '--separate', `--input=${dir}`]);
		},
		/**
		 * Runs a workflow headlessly, whether it succeeds or fails, and returns the execution as n8n
		 * stored it in its database (`{ id, status, mode, data: { resultData } }`): the run JSON the CLI
		 * prints is cut off around 2.7 MB.
		 */
		async execute(/** @type {string} */ workflowId) {
			await cli(['execute', `--id=${workflowId}`], { allowFailure: true });
			const outFile = path.join(root, `execution-${workflowId}.json`);
			const database = path.join(root, '.n8n', 'database.sqlite');
			await runBounded(
				path.join(runtime.nodeBin, 'node'),
				[path.join(__dirname, 'read-execution.js'), runtime.dir, database, workflowId, outFile],
				{
					timeoutMs: CLI_TIMEOUT_MS,
				},
			);
			return JSON.parse(fs.readFileSync(outFile, 'utf8'));
		},
		async publish(/** @type {string} */ workflowId) {
			await cli(line.publishArgs(workflowId));
		},
		/** Starts `n8n start` and resolves once it is ready (and, on 1.x, has its owner). */
		/** @param {{ inheritOutput?: boolean }} [startOptions] show n8n's log on this terminal */
		async start(startOptions = {}) {
			if (processes.some((p) => p.name === 'start')) throw new Error('n8n is already running');
			await launch('start', {}, `${baseUrl}${line.readyPath}`, startOptions.inheritOutput);
			await rest.ensureOwner();
		},
		/**
		 * Starts another n8n process of this instance (queue mode: `worker`, `webhook`) with the same
		 * settings plus `extraEnv`, and resolves once `readyUrl` answers 200.
		 * @param {'worker' | 'webhook'} command @param {Record<string, string>} extraEnv @param {string} readyUrl
		 */
		async startProcess(command, extraEnv, readyUrl) {
			const name = `${command}-${processes.filter((p) => p.name.startsWith(command)).length + 1}`;
			await launch(name, extraEnv, readyUrl, false, [command]);
			return name;
		},
		stop,
		login: rest.login,
		createDataTable: rest.createDataTable,
		runManually: rest.runManually,
		startByHand: rest.startByHand,
		executions: rest.executions,
		waitForWebhook: rest.waitForWebhook,
		waitForExecutions: rest.waitForExecutions,
		publicationStatus: rest.publicationStatus,
		/** The process id of one process of this instance (`start`: the main process), if running. */
		pid: (name = 'start') => processes.find((p) => p.name === name)?.child.pid,
		/** What one process logged: `start` (the main process), `worker-1`, `webhook-1`… */
		log: (name = 'start') => fs.readFileSync(path.join(root, `n8n-${name}.log`), 'utf8'),
		/** The settings every process of this instance shares (queue mode starts more from them). */
		env,
		/** Stops n8n and removes the user folder. */
		async dispose() {
			await instance.stop();
			if (!options.root) fs.rmSync(root, { recursive: true, force: true });
		},
	};
	return instance;
}

/** Output items of one node in a run, as `{ json, error }`. */
function nodeOutput(/** @type {any} */ run, /** @type {string} */ nodeName) {
	const runData = run?.data?.resultData?.runData?.[nodeName];
	if (!runData) {
		const error = run?.data?.resultData?.error;
		throw new Error(
			`node "${nodeName}" did not run${error ? `: ${error.message} ${error.description ?? ''}` : ''}`,
		);
	}
	return {
		items: (runData[0].data?.main?.[0] ?? []).map((/** @type {any} */ i) => i.json),
		pairedItems: (runData[0].data?.main?.[0] ?? []).map((/** @type {any} */ i) => i.pairedItem),
		error: runData[0].error,
	};
}

module.exports = { createN8n, nodeOutput, NODE_TYPE_PREFIX };
