// @ts-check
'use strict';

// n8n's command line for one instance (imports, exports, headless executions, publishing), each call bounded.
const fs = require('node:fs');
const path = require('node:path');
const { runBounded } = require('./processes');

const CLI_TIMEOUT_MS = 120_000;

/**
 * @param {{ runtime: ReturnType<typeof import('./runtime').ensureN8n>, env: Record<string, string | undefined>, root: string }} instance
 */
function n8nCli({ runtime, env, root }) {
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
	return { cli, writeJson };
}

module.exports = { n8nCli, CLI_TIMEOUT_MS };
