// `npm run scan`: n8n's own verification scanner (@n8n/scan-community-package, pinned) run the way n8n runs
// it on a release, without the network: its ESLint rule sets with inline `eslint-disable` comments ignored,
// over the source (package.json, nodes/, credentials/) and over the packed tarball's compiled files. Any
// error fails. Run after `npm run build` (the tarball is packed from dist/).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bigdd-scan-'));
try {
	const [{ filename }] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
	execFileSync('tar', ['-xzf', path.join(work, filename), '-C', work]);
	const legs = [
		['source', await analyzePackage(root, SOURCE_FILE_PATTERNS)],
		[`tarball ${filename}`, await analyzePackage(path.join(work, 'package'), ['**/*.js', 'package.json'])],
	];
	for (const [leg, result] of legs) {
		console.log(`${result.passed ? 'passed' : 'FAILED'}  n8n's scanner over the ${leg}${result.passed ? '' : `: ${result.message}`}`);
		if (!result.passed && result.details) console.log(result.details);
	}
	process.exitCode = legs.every(([, result]) => result.passed) ? 0 : 1;
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}
