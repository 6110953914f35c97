// @ts-check
'use strict';

// Run with n8n's own Node: holds an exclusive write lock on an n8n SQLite database, so n8n cannot write
// (a run cannot be recorded, hence not started), until its stdin closes. Prints "locked" once held.
const [n8nDir, database] = process.argv.slice(2);
const sqlite3 = require(require.resolve('sqlite3', { paths: [`${n8nDir}/node_modules`] }));
const connection = new sqlite3.Database(database);
connection.exec(
	'PRAGMA busy_timeout = 10000; BEGIN EXCLUSIVE;',
	(/** @type {Error | null} */ error) => {
		if (error) {
			console.error(`could not lock ${database}: ${error.message}`);
			process.exit(1);
		}
		console.log('locked');
		process.stdin.on('end', () => connection.exec('COMMIT;', () => process.exit(0)));
		process.stdin.resume();
	},
);
