// @ts-check
'use strict';

// The output schemas shipped in the package, where n8n looks for them (n8n-node build copies them to dist).
const fs = require('node:fs');
const path = require('node:path');
const { REPO_ROOT } = require('./runtime');

// The editor asks for the node's exact version (`/schemas/<node>/1.1.0/…`), so each version has a folder;
// their outputs are the same.
const schemaDir = (/** @type {number} */ nodeVersion) =>
	path.join(
		REPO_ROOT,
		'nodes',
		'BigDigitalDownloads',
		'__schema__',
		`v${String(nodeVersion).split('.').concat(['0', '0']).slice(0, 3).join('.')}`,
	);

/** The committed schema of an operation for one node version, or undefined. */
function readSchema(
	/** @type {string} */ resource,
	/** @type {string} */ operation,
	/** @type {number} */ nodeVersion,
) {
	const file = path.join(schemaDir(nodeVersion), resource, `${operation}.json`);
	return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
}

function writeSchema(
	/** @type {string} */ resource,
	/** @type {string} */ operation,
	/** @type {number} */ nodeVersion,
	/** @type {unknown} */ schema,
) {
	fs.mkdirSync(path.join(schemaDir(nodeVersion), resource), { recursive: true });
	fs.writeFileSync(
		path.join(schemaDir(nodeVersion), resource, `${operation}.json`),
		`${JSON.stringify(schema, null, '\t')}\n`,
	);
}

/** Whether this run should rewrite the schemas from what the operations return (`npm run schemas`). */
const updatingSchemas = () => process.env.BIGDD_UPDATE_SCHEMAS === '1';

module.exports = { readSchema, writeSchema, updatingSchemas };
