// @ts-check
'use strict';

// The processes of one n8n instance: `n8n <command>` spawned with the instance's settings, each logging to
// n8n-<name>.log in its user folder, waited for (bounded) until ready, and stopped, the main one last.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { poll } = require('./processes');

const READY_TIMEOUT_MS = 90_000;

/**
 * @param {{ runtime: ReturnType<typeof import('./runtime').ensureN8n>, env: Record<string, string | undefined>, root: string, port: number }} instance
 */
function n8nProcesses({ runtime, env, root, port }) {
	/** @type {{ name: string, child: import('node:child_process').ChildProcess }[]} */
	const processes = [];

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
		for (const { child } of processes.splice(0).reverse()) {
			if (child.exitCode !== null || child.signalCode !== null) continue;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
			await exited;
			clearTimeout(timer);
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

	return { processes, launch, stopAll, diagnosis };
}

module.exports = { n8nProcesses };
