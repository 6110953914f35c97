// @ts-check
'use strict';

// Run by n8n's own Node (its sqlite3 is built for it): writes the newest finished execution of a
// workflow, as n8n stored it, to a file. Usage: node read-execution.js <n8n dir> <database> <workflow id> <out file>
const fs = require('node:fs');
const path = require('node:path');

const [n8nDir, database, workflowId, outFile] = process.argv.slice(2);
const fromN8n = (/** @type {string} */ id) =>
	require(require.resolve(id, { paths: [path.join(n8nDir, 'node_modules')] }));
const sqlite3 = fromN8n('sqlite3');
const { parse } = fromN8n('flatted');

const db = new sqlite3.Database(database, sqlite3.OPEN_READONLY);
db.get(
	`SELECT e.id, e.status, e.mode, d.data FROM execution_entity e JOIN execution_data d ON d.executionId = e.id
	 WHERE e.workflowId = ? AND e.stoppedAt IS NOT NULL ORDER BY e.id DESC LIMIT 1`,
	[workflowId],
	(/** @type {Error | null} */ error, /** @type {any} */ row) => {
		db.close();
		if (error) throw error;
		if (!row) throw new Error(`no finished execution of workflow ${workflowId} in ${database}`);
		fs.writeFileSync(
			outFile,
			JSON.stringify({
				id: String(row.id),
				status: row.status,
				mode: row.mode,
				data: parse(row.data),
			}),
		);
	},
);
