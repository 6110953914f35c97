// @ts-check
'use strict';

// A jest reporter: each test file's seconds, slowest first, appended to the file BIGDD_SUITE_TIMINGS
// names (scripts/test.js prints them after the stages), or printed when it names none.
const fs = require('node:fs');
const path = require('node:path');

class SuiteTimings {
	/** @type {{ file: string, seconds: number, failed: boolean }[]} */
	suites = [];

	/** @param {unknown} _test @param {{ testFilePath: string, perfStats: { start: number, end: number }, numFailingTests: number, testExecError?: unknown }} result */
	onTestResult(_test, result) {
		const { start, end } = result.perfStats;
		this.suites.push({
			file: path.relative(process.cwd(), result.testFilePath),
			seconds: (end - start) / 1000,
			failed: result.numFailingTests > 0 || Boolean(result.testExecError),
		});
	}

	onRunComplete() {
		const lines = [...this.suites]
			.sort((a, b) => b.seconds - a.seconds)
			.map(
				(s) => `${s.seconds.toFixed(0).padStart(5)} s  ${s.file}${s.failed ? '  (failed)' : ''}`,
			);
		const target = process.env.BIGDD_SUITE_TIMINGS;
		if (target) fs.appendFileSync(target, lines.map((line) => `${line}\n`).join(''));
		else console.log(`\nSeconds per test file:\n${lines.join('\n')}`);
	}
}

module.exports = SuiteTimings;
