// @ts-check
'use strict';

// Drives a real, pinned n8n: a fresh user folder per instance, the package installed from its
// tarball into the community-nodes folder, CLI imports and headless executions, and `n8n start`.
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { poll, runBounded } = require('./processes');
const { ensureN8n, PACKAGE_NAME } = require('./runtime');

const NODE_TYPE_PREFIX = `${PACKAGE_NAME}.`;
const OWNER = { email: 'owner@example.com', password: 'Bigdd-e2e-Passw0rd' };
const CLI_TIMEOUT_MS = 120_000;
const READY_TIMEOUT_MS = 90_000;

const portsHandedOut = new Set();
/**
 * Ports other test processes on this machine handed out (a CI run and a suite run by hand at once): one
 * directory per port, made atomically. A reservation only has to outlive the seconds between handing a
 * port out and n8n binding it (the OS offers no port in use), so an hour-old one is free again; a plain
 * node process also removes its own on exit (jest's sandboxed `process` does not report it).
 */
const RESERVATIONS = path.join(os.tmpdir(), 'bigdd-e2e-ports');
const STALE_RESERVATION_MS = 60 * 60 * 1000;
process.once('exit', () => {
	for (const port of portsHandedOut)
		fs.rmSync(path.join(RESERVATIONS, String(port)), { recursive: true, force: true });
});

/** Whether `port` is now this process's: no other test process on the machine holds it (or only for too long). */
function reserve(/** @type {number} */ port) {
	const dir = path.join(RESERVATIONS, String(port));
	fs.mkdirSync(RESERVATIONS, { recursive: true });
	try {
		fs.mkdirSync(dir);
		return true;
	} catch (error) {
		if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
		if (Date.now() - fs.statSync(dir).mtimeMs < STALE_RESERVATION_MS) return false;
		fs.utimesSync(dir, new Date(), new Date());
		return true;
	}
}

/**
 * A free TCP port on 127.0.0.1, never one this process or another test process handed out before: the
 * OS may offer a port again as soon as it is closed, and two n8n processes (or n8n and its task broker)
 * given the same port fight over it; the loser's requests reach the winner.
 */
async function freePort() {
	for (let attempt = 0; attempt < 50; attempt++) {
		const port = await new Promise((resolve, reject) => {
			const server = net.createServer();
			server.once('error', reject);
			server.listen(0, '127.0.0.1', () => {
				const { port } = /** @type {net.AddressInfo} */ (server.address());
				server.close(() => resolve(port));
			});
		});
		if (!portsHandedOut.has(port) && reserve(/** @type {number} */ (port))) {
			portsHandedOut.add(port);
			return /** @type {number} */ (port);
		}
	}
	throw new Error('no free port found in 50 tries');
}

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
	/** @type {{ name: string, child: import('node:child_process').ChildProcess }[]} */
	const processes = [];
	/** @type {Promise<(method: string, url: string, body?: any) => Promise<{ status: number, body: any }>> | undefined} */
	let session;
	/** @type {string | undefined} */
	let apiKey;
	const baseUrl = `http://127.0.0.1:${port}`;

	/**
	 * Spawns `n8n <args>` (default `start`) logging to n8n-<name>.log, and waits (bounded) until
	 * `readyUrl` answers 200; on failure stops everything and throws with the log's tail.
	 * @param {string} name @param {Record<string, string>} extraEnv @param {string} readyUrl
	 * @param {boolean | undefined} inheritOutput @param {string[]} [args]
	 * @returns {Promise<void>}
	 */
	async function launch(name, extraEnv, readyUrl, inheritOutput, args = ['start']) {
		const logFile = path.join(root, `n8n-${name}.log`);
		const log = fs.openSync(logFile, 'a');
		const stdio = inheritOutput ? 'inherit' : log;
		const child = spawn(path.join(runtime.nodeBin, 'node'), [runtime.n8nMain, ...args], {
			env: { ...env, ...extraEnv },
			cwd: root,
			stdio: ['ignore', stdio, stdio],
		});
		fs.closeSync(log);
		processes.push({ name, child });
		const ready = await poll(
			() =>
				fetch(readyUrl).then(
					(r) => r.ok,
					() => false,
				),
			(ok) => ok,
			{
				timeoutMs: READY_TIMEOUT_MS,
				giveUp: () => child.exitCode !== null,
			},
		);
		if (ready.done) return;
		const tail = fs.readFileSync(logFile, 'utf8').slice(-3000);
		await stopAll();
		throw new Error(
			`n8n ${args.join(' ')} (${name}) did not become ready within ${READY_TIMEOUT_MS / 1000} s:\n${tail}`,
		);
	}

	/** @returns {Promise<void>} */
	async function stopAll() {
		session = undefined;
		for (const { child } of processes.splice(0).reverse()) {
			if (child.exitCode !== null || child.signalCode !== null) continue;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
			await exited;
			clearTimeout(timer);
		}
	}

	/**
	 * 1.x has no owner from the environment: set it up once (a 400 means it exists). On a busy machine
	 * its owner route can still 404 after /rest/settings answers, so a 404 is retried for a while.
	 */
	async function ensureOwner() {
		if (runtime.line !== '1') return;
		const { value: response } = await poll(
			() =>
				fetch(`${baseUrl}/rest/owner/setup`, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify({
						email: OWNER.email,
						password: OWNER.password,
						firstName: 'Owner',
						lastName: 'E2E',
					}),
				}),
			(r) => r.status !== 404,
			{ timeoutMs: 60_000, intervalMs: 500 },
		);
		const text = await response.text();
		ownerSetupAnswer = `${response.status} ${text.slice(0, 300)}`;
		if (response.ok || response.status === 400) return;
		throw new Error(`owner setup failed: ${ownerSetupAnswer}`);
	}
	/** n8n 1.x's last answer to the owner setup, for a failed login's diagnosis. */
	let ownerSetupAnswer = '(none)';

	/**
	 * A read sent again (twice at most) when its connection was reset: seen once in a CI-like run while a
	 * 2,000-item execution ran, as a kept-alive connection that n8n closed just as the next poll reused it.
	 * @template T @param {() => Promise<T>} read
	 */
	async function readAgain(read) {
		for (let attempt = 1; ; attempt++) {
			try {
				return await read();
			} catch (error) {
				const code = /** @type {any} */ (error)?.cause?.code;
				if (attempt >= 3 || !['ECONNRESET', 'UND_ERR_SOCKET'].includes(code)) throw error;
				await new Promise((resolve) => setTimeout(resolve, 500));
			}
		}
	}

	/** What a failed call should say of the main process: whether it still runs, and the end of its log. */
	function diagnosis() {
		const main = processes.find((p) => p.name === 'start')?.child;
		const logFile = path.join(root, 'n8n-start.log');
		const tail = fs.existsSync(logFile)
			? fs.readFileSync(logFile, 'utf8').slice(-2000)
			: '(no log)';
		return `n8n start: ${main ? (main.exitCode === null ? `running, pid ${main.pid}` : `exited with ${main.exitCode}`) : 'not started'}; port ${port}; its log ends:\n${tail}`;
	}

	/** Logs in as the owner and returns a REST caller carrying the auth cookie. */
	async function newSession() {
		const headers = { 'Content-Type': 'application/json', 'browser-id': 'bigdd-e2e' };
		// As with the owner route: on a busy machine n8n 1.x can still answer 404 here for a while after it is ready.
		const logIn = async () =>
			(
				await poll(
					() =>
						fetch(`${baseUrl}/rest/login`, {
							method: 'POST',
							headers,
							body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
						}),
					(r) => r.status !== 404 || runtime.line !== '1',
					{ timeoutMs: 60_000, intervalMs: 500 },
				)
			).value;
		let response = await logIn();
		// Seen once on n8n 1.x in a CI-like run: 401 at the first login although the owner setup had answered.
		// The owner is set up again and the login tried once more; a lasting 401 fails with both answers.
		if (response.status === 401 && runtime.line === '1') {
			await ensureOwner();
			response = await logIn();
		}
		if (!response.ok)
			throw new Error(
				`login failed: ${response.status} ${await response.text()}\nowner setup answered: ${ownerSetupAnswer}\n${diagnosis()}`,
			);
		const cookie = (response.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
		return async (
			/** @type {string} */ method,
			/** @type {string} */ url,
			/** @type {any} */ body,
		) => {
			const res = await fetch(`${baseUrl}${url}`, {
				method,
				headers: { ...headers, cookie },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const text = await res.text();
			let json;
			try {
				json = JSON.parse(text);
			} catch {
				json = text;
			}
			return { status: res.status, body: json };
		};
	}

	/** @param {string[]} args */
	async function cli(args, { allowFailure = false } = {}) {
		try {
			return await runBounded(path.join(runtime.nodeBin, 'node'), [runtime.n8nMain, ...args], {
				env,
				cwd: root,
				timeoutMs: CLI_TIMEOUT_MS,
			});
		} catch (error) {
			const e = /** @type {any} */ (error);
			if (allowFailure && !e.timedOut) return { stdout: e.stdout, stderr: e.stderr };
			throw new Error(
				`n8n ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`.slice(
					0,
					6000,
				),
			);
		}
	}

	/** @param {string} name @param {any[]} list */
	function writeJson(name, list) {
		const file = path.join(root, name);
		fs.writeFileSync(file, JSON.stringify(list));
		return file;
	}

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
			await ensureOwner();
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
		/** Stops every process of this instance, the main one last. */
		stop: stopAll,
		/** A logged-in REST session as the owner (cookie auth, as the editor uses); one per start. */
		async login() {
			session ??= newSession();
			return await session;
		},
		/**
		 * Creates a data table in the owner's personal project, as *Overview > Data tables > Create* does
		 * (the never-miss example remembers the orders its CRM took in one). A table of that name already
		 * there is kept.
		 * @param {string} name @param {{ name: string, type: string }[]} columns
		 */
		async createDataTable(name, columns) {
			const rest = await instance.login();
			const project = await rest('GET', '/rest/projects/personal');
			const created = await rest('POST', `/rest/projects/${project.body?.data?.id}/data-tables`, {
				name,
				columns,
			});
			if (created.status >= 300 && !/already exists/i.test(JSON.stringify(created.body)))
				throw new Error(
					`creating data table ${name} failed: ${created.status} ${JSON.stringify(created.body)}`,
				);
		},
		/**
		 * Runs a saved workflow from one of its triggers as the editor's Execute button does; resolves
		 * with n8n's answer once the run is started. n8n 1.x wants the workflow itself in the request.
		 * @param {string} workflowId @param {string} triggerName
		 */
		async runManually(workflowId, triggerName) {
			const rest = await instance.login();
			const workflowData =
				line === LINES[1]
					? (await rest('GET', `/rest/workflows/${workflowId}`)).body.data
					: undefined;
			return await rest('POST', `/rest/workflows/${workflowId}/run`, {
				workflowData,
				triggerToStartFrom: { name: triggerName },
			});
		},
		/**
		 * Starts a saved workflow from one of its triggers as the editor's Execute button does (failing if n8n
		 * does not start it) and returns a wait for that run's end, which resolves with its execution.
		 * @param {string} workflowId @param {string} triggerName
		 */
		async startByHand(workflowId, triggerName) {
			const before = (await instance.executions(workflowId)).length;
			const started = await instance.runManually(workflowId, triggerName);
			if (started.status !== 200)
				throw new Error(
					`n8n did not start ${workflowId}: ${started.status} ${JSON.stringify(started.body)}`,
				);
			return async (/** @type {number} */ timeoutMs) =>
				(await instance.waitForExecutions(workflowId, before + 1, timeoutMs))[0];
		},
		/**
		 * Executions of a workflow through n8n's public API (one API key per start), newest first.
		 * @param {string} workflowId @returns {Promise<any[]>}
		 */
		async executions(workflowId) {
			if (!apiKey) {
				const rest = await instance.login();
				const key = await rest('POST', '/rest/api-keys', {
					label: `e2e-${crypto.randomBytes(6).toString('hex')}`,
					scopes: ['execution:read', 'execution:list'],
					expiresAt: null,
				});
				if (key.status !== 200)
					throw new Error(
						`creating an API key failed: ${key.status} ${JSON.stringify(key.body)}\n${diagnosis()}`,
					);
				apiKey = /** @type {string} */ (key.body.data.rawApiKey);
			}
			/** @type {any[]} */
			const executions = [];
			let cursor = '';
			// Bounded: n8n's public API pages 250 at a time; tests never make 25,000 executions.
			for (let page = 0; page < 100; page++) {
				const response = await readAgain(() =>
					fetch(
						`${baseUrl}/api/v1/executions?workflowId=${workflowId}&includeData=true&limit=250${cursor ? `&cursor=${cursor}` : ''}`,
						{
							headers: { 'X-N8N-API-KEY': /** @type {string} */ (apiKey) },
						},
					),
				);
				if (!response.ok)
					throw new Error(`listing executions failed: ${response.status} ${await response.text()}`);
				const body = /** @type {{ data: any[], nextCursor?: string | null }} */ (
					await response.json()
				);
				executions.push(...body.data);
				if (!body.nextCursor) return executions;
				cursor = encodeURIComponent(body.nextCursor);
			}
			throw new Error('more than 100 pages of executions');
		},
		/**
		 * Waits (bounded) until n8n (or the webhook processor at `serverUrl`) serves the production
		 * webhook `path` (`<webhookId>/<path>`).
		 * /healthz/readiness answers before published workflows are activated; meanwhile webhooks get
		 * 404. The probe uses the other method, so it starts nothing: once the webhook is registered,
		 * n8n answers it with a hint to use the webhook's own method.
		 * @param {string} webhookPath @param {number} [timeoutMs] @param {string} [serverUrl]
		 * @param {'POST' | 'GET'} [webhookMethod] the method the webhook listens to
		 */
		async waitForWebhook(
			webhookPath,
			timeoutMs = 60_000,
			serverUrl = baseUrl,
			webhookMethod = 'POST',
		) {
			const registered = await poll(
				async () => {
					const response = await fetch(`${serverUrl}/webhook/${webhookPath}`, {
						method: webhookMethod === 'POST' ? 'GET' : 'POST',
					});
					const text = await response.text();
					return !/is not registered\.?"/.test(text) || text.includes(`${webhookMethod} request`);
				},
				(yes) => yes,
				{ timeoutMs },
			);
			if (registered.done) return;
			throw new Error(`webhook ${webhookPath} was not registered within ${timeoutMs / 1000} s`);
		},
		/**
		 * Polls (bounded) until the workflow has at least `count` finished executions, then returns the
		 * finished ones (n8n 1.x also lists running executions, without their data yet).
		 */
		/**
		 * @param {string} workflowId @param {number} count @param {number} [timeoutMs]
		 * @param {(execution: any) => boolean} [where] only executions that match count
		 * @returns {Promise<any[]>}
		 */
		async waitForExecutions(workflowId, count, timeoutMs = 30_000, where = () => true) {
			const finished = async () =>
				(await instance.executions(workflowId)).filter(
					(/** @type {any} */ e) => e.stoppedAt && where(e),
				);
			return (
				await poll(finished, (executions) => executions.length >= count, {
					timeoutMs,
					intervalMs: 200,
				})
			).value;
		},
		/**
		 * n8n 2.x publishes through an outbox; polls (bounded) until the publication of a workflow is no
		 * longer in progress and returns what the editor shows: status and per-trigger errors.
		 */
		async publicationStatus(/** @type {string} */ workflowId, timeoutMs = 60_000) {
			const rest = await instance.login();
			const status = async () =>
				(await rest('GET', `/rest/workflows/${workflowId}/publication-status`)).body?.data;
			return (await poll(status, (data) => data?.status !== 'in_progress', { timeoutMs })).value;
		},
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

module.exports = { createN8n, freePort, nodeOutput, NODE_TYPE_PREFIX };
