// @ts-check
'use strict';

// Free TCP ports for the servers tests start (n8n, its task broker, BigDD, stand-ins), never handed out twice
// on this machine at once.
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const portsHandedOut = new Set();
/**
 * Ports other test processes on this machine handed out (a CI run and a suite run by hand at once): one
 * directory per port, made atomically. A reservation only has to outlive the seconds between handing a
 * port out and n8n binding it (the OS offers no port in use), so an hour-old one is free again; a plain
 * node process also removes its own on exit (jest's sandboxed `process` does not report it).
 */
const RESERVATIONS = path.join(os.tmpdir(), 'bigdd-e2e-ports');
const STALE_RESERVATION_MS = 60 * 60 * 1000;
process.once('exit', () => {
	for (const port of portsHandedOut)
		fs.rmSync(path.join(RESERVATIONS, String(port)), { recursive: true, force: true });
});

/** Whether `port` is now this process's: no other test process on the machine holds it (or only for too long). */
function reserve(/** @type {number} */ port) {
	const dir = path.join(RESERVATIONS, String(port));
	fs.mkdirSync(RESERVATIONS, { recursive: true });
	try {
		fs.mkdirSync(dir);
		return true;
	} catch (error) {
		if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
		if (Date.now() - fs.statSync(dir).mtimeMs < STALE_RESERVATION_MS) return false;
		fs.utimesSync(dir, new Date(), new Date());
		return true;
	}
}

/**
 * A free TCP port on 127.0.0.1, never one this process or another test process handed out before: the
 * OS may offer a port again as soon as it is closed, and two n8n processes (or n8n and its task broker)
 * given the same port fight over it; the loser's requests reach the winner.
 */
async function freePort() {
	for (let attempt = 0; attempt < 50; attempt++) {
		const port = await new Promise((resolve, reject) => {
			const server = net.createServer();
			server.once('error', reject);
			server.listen(0, '127.0.0.1', () => {
				const { port } = /** @type {net.AddressInfo} */ (server.address());
				server.close(() => resolve(port));
			});
		});
		if (!portsHandedOut.has(port) && reserve(/** @type {number} */ (port))) {
			portsHandedOut.add(port);
			return /** @type {number} */ (port);
		}
	}
	throw new Error('no free port found in 50 tries');
}

module.exports = { freePort };
