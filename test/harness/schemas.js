// @ts-check
'use strict';

// The output schemas shipped in the package, where n8n looks for them (n8n-node build copies them to dist).
const fs = require('node:fs');
const path = require('node:path');
const { REPO_ROOT } = require('./runtime');

const SCHEMA_DIR = path.join(REPO_ROOT, 'nodes', 'BigDigitalDownloads', '__schema__', 'v1.0.0');

/** The committed schema of an operation, or undefined. */
function readSchema(/** @type {string} */ resource, /** @type {string} */ operation) {
	const file = path.join(SCHEMA_DIR, resource, `${operation}.json`);
	return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
}

function writeSchema(/** @type {string} */ resource, /** @type {string} */ operation, /** @type {unknown} */ schema) {
	fs.mkdirSync(path.join(SCHEMA_DIR, resource), { recursive: true });
	fs.writeFileSync(path.join(SCHEMA_DIR, resource, `${operation}.json`), `${JSON.stringify(schema, null, '\t')}\n`);
}

/** Whether this run should rewrite the schemas from what the operations return (`npm run schemas`). */
const updatingSchemas = () => process.env.BIGDD_UPDATE_SCHEMAS === '1';

module.exports = { readSchema, writeSchema, updatingSchemas };
