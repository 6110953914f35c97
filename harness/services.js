// @ts-check
'use strict';

// Redis and PostgreSQL for n8n's queue mode: a private instance of each per test suite, on free
// loopback ports, with throwaway data, stopped (and their data removed) by stop().
const { execFileSync, spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { freePort } = require('./ports');
const { poll } = require('./processes');
const { REPO_ROOT } = require('./runtime');

const READY_TIMEOUT_MS = 30_000;

/** Runs scripts/install-queue-services.sh (a no-op once installed); returns PostgreSQL's bin folder. */
function ensureQueueServices() {
	const result = spawnSync('bash', [path.join(REPO_ROOT, 'scripts', 'install-queue-services.sh')], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
		timeout: 10 * 60_000,
	});
	if (result.status !== 0)
		throw new Error(`installing Redis/PostgreSQL failed (exit ${result.status})`);
	return result.stdout.trim().split('\n').pop() ?? '';
}

/** Resolves once something accepts TCP connections on the port (bounded). */
async function waitForPort(
	/** @type {number} */ port,
	/** @type {import('node:child_process').ChildProcess} */ child,
	/** @type {string} */ what,
) {
	/** @returns {Promise<boolean>} */
	const isOpen = () =>
		new Promise((resolve) => {
			const socket = net.connect(port, '127.0.0.1', () => socket.end(() => resolve(true)));
			socket.once('error', () => resolve(false));
		});
	const open = await poll(isOpen, (yes) => yes, {
		timeoutMs: READY_TIMEOUT_MS,
		intervalMs: 100,
		giveUp: () => child.exitCode !== null,
	});
	if (open.done) return;
	throw new Error(`${what} did not start on port ${port}`);
}

/** Stops a process started with `detached` (its whole group), SIGKILL after 10 s. */
async function stopGroup(
	/** @type {import('node:child_process').ChildProcess} */ child,
	signal = 'SIGTERM',
) {
	if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	process.kill(-child.pid, signal);
	const timer = setTimeout(
		() => child.pid !== undefined && process.kill(-child.pid, 'SIGKILL'),
		10_000,
	);
	await exited;
	clearTimeout(timer);
}

async function startRedis() {
	const port = await freePort();
	const child = spawn(
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
		{
			stdio: 'ignore',
			detached: true,
		},
	);
	await waitForPort(port, child, 'redis-server');
	return { port, stop: () => stopGroup(child) };
}

async function startPostgres() {
	const bin = ensureQueueServices();
	const port = await freePort();
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bigdd-pg-'));
	// PostgreSQL refuses to run as root; as root, run it as the postgres user.
	const asRoot = process.getuid?.() === 0;
	if (asRoot) execFileSync('chown', ['postgres', dataDir]);
	const run = (/** @type {string} */ program, /** @type {string[]} */ args) =>
		asRoot
			? ['runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args]]
			: [path.join(bin, program), args];
	const [initdb, initArgs] = run('initdb', [
		'-D',
		dataDir,
		'-U',
		'postgres',
		'--auth=trust',
		'--no-sync',
		'-E',
		'UTF8',
	]);
	execFileSync(/** @type {string} */ (initdb), /** @type {string[]} */ (initArgs), {
		stdio: 'ignore',
	});
	const [postgres, args] = run('postgres', [
		'-D',
		dataDir,
		'-p',
		String(port),
		'-k',
		dataDir,
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
		'-c',
		'max_connections=100',
	]);
	const child = spawn(/** @type {string} */ (postgres), /** @type {string[]} */ (args), {
		stdio: ['ignore', 'ignore', 'pipe'],
		detached: true,
	});
	const stop = async () => {
		await stopGroup(child, 'SIGINT'); // PostgreSQL's fast shutdown
		fs.rmSync(dataDir, { recursive: true, force: true });
	};
	try {
		await readyToAcceptConnections(child);
	} catch (error) {
		await stop();
		throw error;
	}
	// n8n uses the database initdb creates, "postgres" (the embedded binaries ship no createdb).
	return { port, database: 'postgres', stop };
}

/** Resolves when PostgreSQL logs that it accepts connections (its port opens earlier, during startup). */
async function readyToAcceptConnections(
	/** @type {import('node:child_process').ChildProcess} */ child,
) {
	let log = '';
	await new Promise((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`postgres did not become ready:\n${log.slice(-2000)}`)),
			READY_TIMEOUT_MS,
		);
		child.stderr?.on('data', (chunk) => {
			log += chunk;
			if (log.includes('ready to accept connections')) {
				clearTimeout(timer);
				resolve(undefined);
			}
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`postgres exited (${code}):\n${log.slice(-2000)}`));
		});
	});
	child.stderr?.resume();
}

module.exports = { ensureQueueServices, startRedis, startPostgres };
