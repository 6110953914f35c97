// @ts-check
'use strict';

// bench/results.md holds one section per benchmark; each run replaces only its own section.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const RESULTS = path.join(__dirname, 'results.md');

const quantile = (/** @type {number[]} */ values, /** @type {number} */ q) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
};
const median = (/** @type {number[]} */ values) => quantile(values, 0.5);

/** "n8n 2.41.1, 2 cores, load average …" for a section's first line. */
function machineLine(/** @type {string} */ n8nVersion) {
	const [load1, load5] = os.loadavg();
	return `n8n ${n8nVersion}, ${os.cpus().length} cores, load average ${load1.toFixed(2)} / ${load5.toFixed(2)} (1 / 5 min) at the end, ${new Date().toISOString().slice(0, 10)}.`;
}

/** Replaces (or appends) the section headed `## title` in bench/results.md and prints it. */
function writeSection(/** @type {string} */ title, /** @type {string[]} */ lines) {
	const section = [`## ${title}`, '', ...lines, ''].join('\n');
	const current = fs.existsSync(RESULTS)
		? fs.readFileSync(RESULTS, 'utf8')
		: '# Benchmark results\n\n';
	const sections = current.split(/^(?=## )/m);
	const index = sections.findIndex((s) => s.startsWith(`## ${title}\n`));
	if (index === -1) sections.push(section);
	else sections[index] = section;
	fs.writeFileSync(RESULTS, `${sections.map((s) => s.replace(/\n+$/, '\n')).join('\n')}`);
	console.log(`\n${section}\nwritten to ${path.relative(process.cwd(), RESULTS)}`);
}

/** Runs a benchmark's main(), exiting non-zero with its error. */
function runBench(/** @type {() => Promise<void>} */ main) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}

/**
 * Runs a benchmark's measures in `n8n` against the local `bigdd`, printing the end of n8n's log if they
 * fail; stops both either way.
 * @param {{ log: () => string, dispose: () => Promise<void> }} n8n @param {{ stop: () => Promise<unknown> }} bigdd
 * @param {() => Promise<void>} measures
 */
async function stopAfter(n8n, bigdd, measures) {
	try {
		await measures();
	} catch (error) {
		console.error(`n8n's log ends:\n${n8n.log().slice(-4000)}`);
		throw error;
	} finally {
		await n8n.dispose();
		await bigdd.stop();
	}
}

module.exports = { quantile, median, machineLine, runBench, stopAfter, writeSection };
