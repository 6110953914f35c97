// @ts-check
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');

/**
 * Runs a command to its end and resolves with its output; rejects (with stdout/stderr attached) on a
 * non-zero exit. It runs in its own process group, which is killed when the command ends or after
 * `timeoutMs`: n8n's CLI starts task-runner children, and a timed-out `n8n execute` must not leave
 * them running.
 * @param {string} command @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, cwd?: string, timeoutMs: number }} options
 * @returns {Promise<{ stdout: string, stderr: string }>}
 */
function runBounded(command, args, { env, cwd, timeoutMs }) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			env,
			cwd,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		/** @type {Buffer[]} */
		const stdout = [];
		/** @type {Buffer[]} */
		const stderr = [];
		child.stdout.on('data', (chunk) => stdout.push(chunk));
		child.stderr.on('data', (chunk) => stderr.push(chunk));
		const killGroup = () => {
			try {
				if (child.pid) process.kill(-child.pid, 'SIGKILL');
			} catch {
				// the group is already gone
			}
		};
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			killGroup();
		}, timeoutMs);
		// Whatever the command left behind goes with it; its pipes then close.
		child.on('exit', killGroup);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			const output = {
				stdout: Buffer.concat(stdout).toString('utf8'),
				stderr: Buffer.concat(stderr).toString('utf8'),
			};
			if (code === 0 && !timedOut) return resolve(output);
			const reason = timedOut
				? `timed out after ${timeoutMs / 1000} s (process group killed)`
				: `exited with ${code ?? signal}`;
			reject(
				Object.assign(new Error(`${command} ${args.join(' ')} ${reason}`), output, { timedOut }),
			);
		});
	});
}

/** Whether a process with this id still runs (a killed one may linger as a zombie until reaped). */
function isRunning(/** @type {number} */ pid) {
	try {
		process.kill(pid, 0);
		return !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
	} catch {
		return false;
	}
}

/**
 * Reads a value every `intervalMs` until `isDone(value)`, `giveUp()` or `timeoutMs` has passed; the
 * one bounded wait loop of the harness. Resolves with whether it got there and the last value read.
 * @template T
 * @param {() => Promise<T>} read @param {(value: T) => boolean} isDone
 * @param {{ timeoutMs: number, intervalMs?: number, giveUp?: () => boolean }} options
 * @returns {Promise<{ done: boolean, value: T }>}
 */
async function poll(read, isDone, { timeoutMs, intervalMs = 250, giveUp = () => false }) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (isDone(value)) return { done: true, value };
		if (Date.now() > deadline || giveUp()) return { done: false, value };
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

/**
 * Runs `callback` once everything already due has run, I/O callbacks included (the unit stage's
 * virtual clock wakes its sleepers this way; a lint rule keeps timer globals out of TypeScript).
 * @param {() => void} callback
 */
function afterPendingWork(callback) {
	setImmediate(callback);
}

module.exports = { runBounded, isRunning, poll, afterPendingWork };
