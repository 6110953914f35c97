#!/usr/bin/env node
// @ts-check
'use strict';

// `npm test`: formatting (prettier, n8n's starter settings), lint, n8n's verification scanner, typecheck, unit and end-to-end tests in order, stopping at the first failure,
// then how long each stage took (the e2e stage includes installing n8n on a cold machine) and each test file.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** Where jest's suite-timings reporter writes each test file's seconds. */
const suiteTimings = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bigdd-test-')), 'suites.txt');

const STAGES = ['format:check', 'lint', 'scan', 'typecheck', 'test:unit', 'test:e2e'];

/** @type {[string, number, string][]} */
const done = [];
let failed = false;
for (const stage of STAGES) {
	const started = Date.now();
	const result = spawnSync('npm', ['run', stage], {
		stdio: 'inherit',
		env: { ...process.env, BIGDD_SUITE_TIMINGS: suiteTimings },
	});
	const outcome =
		result.status === 0 ? 'passed' : `failed (exit ${result.status ?? result.signal})`;
	done.push([stage, (Date.now() - started) / 1000, outcome]);
	if (result.status !== 0) {
		failed = true;
		break;
	}
}
console.log('\nnpm test stages:');
for (const [stage, seconds, outcome] of done)
	console.log(`  ${stage.padEnd(10)} ${seconds.toFixed(0).padStart(5)} s  ${outcome}`);
console.log(
	`  ${'total'.padEnd(10)} ${done
		.reduce((sum, [, s]) => sum + s, 0)
		.toFixed(0)
		.padStart(5)} s`,
);
if (fs.existsSync(suiteTimings))
	console.log(
		`\ntest files (slowest first within each stage):\n${fs.readFileSync(suiteTimings, 'utf8')}`,
	);
fs.rmSync(path.dirname(suiteTimings), { recursive: true, force: true });
process.exit(failed ? 1 : 0);
