// @ts-check
'use strict';

// What the TypeScript files of a folder import from each other, for the layering test (the linted
// .ts tests may not read files themselves).
const fs = require('node:fs');
const path = require('node:path');
const { REPO_ROOT } = require('./runtime');

/**
 * Every .ts file under `folder` (relative to the repository) with the relative imports it makes,
 * each resolved to a path relative to `folder` (`../…` when outside it), '/'-separated, and its text.
 */
function relativeImports(/** @type {string} */ folder) {
	const root = path.join(REPO_ROOT, folder);
	/** @returns {string[]} */
	const walk = (/** @type {string} */ dir) =>
		fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) return walk(full);
			return entry.name.endsWith('.ts') ? [full] : [];
		});
	const posix = (/** @type {string} */ p) => p.split(path.sep).join('/');
	return walk(root).map((full) => {
		const text = fs.readFileSync(full, 'utf8');
		const imports = [...text.matchAll(/from '(\.[^']+)'/g)].map((match) =>
			posix(path.relative(root, path.resolve(path.dirname(full), match[1]))),
		);
		return { file: posix(path.relative(root, full)), imports, text };
	});
}

/** Whether `relative` (to `folder`) names a folder. */
function isFolder(/** @type {string} */ folder, /** @type {string} */ relative) {
	return (
		fs
			.statSync(path.join(REPO_ROOT, folder, relative), { throwIfNoEntry: false })
			?.isDirectory() === true
	);
}

module.exports = { relativeImports, isFolder };
