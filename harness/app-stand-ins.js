// @ts-check
'use strict';

// Local stand-ins for the services the examples send to, so n8n's real Slack, Google Sheets, HubSpot and
// Send Email nodes run in tests without the internet: an HTTP proxy (n8n's HTTPS_PROXY) that answers
// CONNECT for slack.com, sheets.googleapis.com and api.hubapi.com with TLS from a test CA (trusted by n8n
// through NODE_EXTRA_CA_CERTS) and refuses every other host (n8n's own telemetry and update checks), and
// an SMTP server (the `smtp-server` library); registry.npmjs.org answers with the packages a test publishes
// (n8n's Community Nodes install runs npm, which goes through the same proxy). Every call is kept for tests
// to read. Loopback only.
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const https = require('node:https');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { SMTPServer } = require('smtp-server');
const { simpleParser } = require('mailparser');

const HOSTS = [
	'slack.com',
	'sheets.googleapis.com',
	'www.googleapis.com',
	'oauth2.googleapis.com',
	'api.hubapi.com',
	'registry.npmjs.org',
];
const REGISTRY = 'https://registry.npmjs.org';

/**
 * The public npm registry's answers for the packages published to the stand-in: the packument (npm pack,
 * npm view), one version's manifest (n8n's checksum check) and the tarball; 404 as npm's for anything else.
 * @param {Map<string, Map<string, Buffer>>} packages @param {string} route
 * @returns {{ status: number, json?: any, bytes?: Buffer }}
 */
function registryAnswer(packages, route) {
	const [pathname] = route.split('?');
	const parts = decodeURIComponent(pathname).split('/').filter(Boolean);
	const versions = packages.get(parts[0]);
	const notFound = { status: 404, json: { error: 'Not found' } };
	if (!versions) return notFound;
	const manifest = (/** @type {string} */ version, /** @type {Buffer} */ bytes) => ({
		name: parts[0],
		version,
		dist: {
			tarball: `${REGISTRY}/${parts[0]}/-/${parts[0]}-${version}.tgz`,
			integrity: `sha512-${crypto.createHash('sha512').update(bytes).digest('base64')}`,
			shasum: crypto.createHash('sha1').update(bytes).digest('hex'),
		},
	});
	if (parts.length === 1) {
		const all = [...versions.entries()];
		return {
			status: 200,
			json: {
				name: parts[0],
				'dist-tags': { latest: all[all.length - 1][0] },
				versions: Object.fromEntries(all.map(([v, b]) => [v, manifest(v, b)])),
			},
		};
	}
	if (parts.length === 2 && versions.has(parts[1]))
		return {
			status: 200,
			json: manifest(parts[1], /** @type {Buffer} */ (versions.get(parts[1]))),
		};
	const tarball =
		parts.length === 3 && parts[1] === '-'
			? [...versions.entries()].find(([v]) => parts[2] === `${parts[0]}-${v}.tgz`)
			: undefined;
	return tarball ? { status: 200, bytes: tarball[1] } : notFound;
}

/** A test CA and a certificate for HOSTS signed by it, made with openssl in `dir`. */
function makeCertificates(/** @type {string} */ dir) {
	const openssl = (/** @type {string[]} */ args) =>
		execFileSync('openssl', args, { cwd: dir, stdio: 'pipe', timeout: 30_000 });
	openssl([
		'req',
		'-x509',
		'-newkey',
		'rsa:2048',
		'-nodes',
		'-keyout',
		'ca.key',
		'-out',
		'ca.pem',
		'-days',
		'2',
		'-subj',
		'/CN=n8n-nodes-big-digital-downloads test CA',
	]);
	fs.writeFileSync(
		path.join(dir, 'san.cnf'),
		`subjectAltName=${HOSTS.map((host) => `DNS:${host}`).join(',')}\n`,
	);
	openssl([
		'req',
		'-newkey',
		'rsa:2048',
		'-nodes',
		'-keyout',
		'leaf.key',
		'-out',
		'leaf.csr',
		'-subj',
		'/CN=slack.com',
	]);
	openssl([
		'x509',
		'-req',
		'-in',
		'leaf.csr',
		'-CA',
		'ca.pem',
		'-CAkey',
		'ca.key',
		'-CAcreateserial',
		'-out',
		'leaf.pem',
		'-days',
		'2',
		'-extfile',
		'san.cnf',
	]);
	return {
		caFile: path.join(dir, 'ca.pem'),
		key: fs.readFileSync(path.join(dir, 'leaf.key')),
		cert: fs.readFileSync(path.join(dir, 'leaf.pem')),
	};
}

/**
 * @typedef {{ host: string, method: string, path: string, headers: http.IncomingHttpHeaders, body: any, status?: number }} ServiceCall
 * @typedef {{ from: string, to: string, subject: string, text: string }} Mail
 */

/** What each service answers, by host and route; unknown routes get 404 (and are kept, so tests see them). */
function answer(/** @type {ServiceCall} */ call) {
	const { host, method, path: route, body } = call;
	if (host === 'slack.com' && method === 'POST' && route.startsWith('/api/chat.postMessage')) {
		return {
			status: 200,
			json: {
				ok: true,
				channel: body.channel,
				ts: '1767225600.000100',
				message: { text: body.text, type: 'message' },
			},
		};
	}
	if (
		host === 'api.hubapi.com' &&
		method === 'POST' &&
		route.startsWith('/contacts/v1/contact/createOrUpdate/email/')
	) {
		return { status: 200, json: { vid: 1001, isNew: true } };
	}
	if (
		host === 'api.hubapi.com' &&
		method === 'GET' &&
		route.startsWith('/contacts/v1/contact/vid/1001/profile')
	) {
		return { status: 200, json: { vid: 1001, properties: {} } };
	}
	if (
		host === 'sheets.googleapis.com' &&
		method === 'GET' &&
		/^\/v4\/spreadsheets\/[^/]+\/values\//.test(route)
	) {
		return {
			status: 200,
			json: {
				range: 'Downloads!A1:E1',
				majorDimension: 'ROWS',
				values: [['date', 'order', 'customer', 'file', 'redownload']],
			},
		};
	}
	if (
		host === 'sheets.googleapis.com' &&
		method === 'GET' &&
		/^\/v4\/spreadsheets\/[^/?]+(\?|$)/.test(route)
	) {
		return {
			status: 200,
			json: {
				spreadsheetId: 'example',
				sheets: [
					{
						properties: {
							sheetId: 0,
							title: 'Downloads',
							gridProperties: { rowCount: 1000, columnCount: 26 },
						},
					},
				],
			},
		};
	}
	if (host === 'sheets.googleapis.com' && method === 'POST' && /:append/.test(route)) {
		return {
			status: 200,
			json: { spreadsheetId: 'example', updates: { updatedRows: (body.values ?? []).length } },
		};
	}
	return { status: 404, json: { error: `no stand-in for ${method} ${host}${route}` } };
}

/** Starts the proxy and the SMTP server; `env` is what n8n's processes need to use them. */
async function startAppStandIns() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bigdd-apps-'));
	const { caFile, key, cert } = makeCertificates(dir);
	/** @type {ServiceCall[]} */
	const calls = [];
	/** @type {string[]} hosts n8n tried to reach that no stand-in serves */
	const refused = [];
	/** @type {Mail[]} */
	const mails = [];
	/** Statuses the next matching calls get instead of their answer (an outage, an expired token). @type {{ host: string, status: number, when: (call: ServiceCall) => boolean }[]} */
	const failures = [];
	/** The packages on the registry stand-in: name, version, tarball. @type {Map<string, Map<string, Buffer>>} */
	const packages = new Map();

	const services = https.createServer({ key, cert }, (req, res) => {
		let raw = '';
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			let body = raw;
			try {
				body = raw ? JSON.parse(raw) : undefined;
			} catch {
				// a form or text body is kept as it is
			}
			const call = {
				host: String(req.headers.host ?? '').replace(/:443$/, ''),
				method: String(req.method),
				path: String(req.url),
				headers: req.headers,
				body,
			};
			const failing = failures.findIndex((f) => f.host === call.host && f.when(call));
			const failure = failing >= 0 ? failures.splice(failing, 1)[0].status : undefined;
			const { status, json, bytes } = failure
				? {
						status: failure,
						json: { status: 'error', message: `stand-in failure ${failure}` },
						bytes: undefined,
					}
				: call.host === 'registry.npmjs.org'
					? registryAnswer(packages, call.path)
					: { ...answer(call), bytes: undefined };
			calls.push({ ...call, status });
			res.writeHead(status, {
				'Content-Type': bytes ? 'application/octet-stream' : 'application/json',
			});
			res.end(bytes ?? JSON.stringify(json));
		});
	});
	const proxy = http.createServer((req, res) => {
		refused.push(String(req.url));
		res.writeHead(403).end();
	});
	proxy.on('connect', (req, socket) => {
		const host = String(req.url).split(':')[0];
		if (!HOSTS.includes(host)) {
			refused.push(host);
			socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
			return;
		}
		socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
		services.emit('connection', socket);
	});
	const smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onAuth: (_auth, _session, callback) => callback(null, { user: 'n8n' }),
		onData: (stream, _session, callback) => {
			simpleParser(stream)
				.then((parsed) => {
					const address = (/** @type {any} */ field) =>
						(Array.isArray(field) ? field : [field])
							.flatMap((f) => f?.value ?? [])
							.map((/** @type {any} */ v) => v.address)
							.join(', ');
					mails.push({
						from: address(parsed.from),
						to: address(parsed.to),
						subject: parsed.subject ?? '',
						text: parsed.text ?? '',
					});
					callback();
				})
				.catch(callback);
		},
	});
	const listen = (/** @type {{ listen: Function, address?: Function, server?: any }} */ server) =>
		new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	await listen(proxy);
	await listen(smtp);
	const portOf = (/** @type {any} */ server) => (server.server ?? server).address().port;
	return {
		/**
		 * n8n's environment: requests to those hosts through the proxy, the local BigDD directly, the test CA
		 * trusted (npm, which n8n runs to install packages, reads its own `cafile`, not NODE_EXTRA_CA_CERTS).
		 */
		env: {
			HTTPS_PROXY: `http://127.0.0.1:${portOf(proxy)}`,
			HTTP_PROXY: `http://127.0.0.1:${portOf(proxy)}`,
			NO_PROXY: '127.0.0.1,localhost',
			NODE_EXTRA_CA_CERTS: caFile,
			npm_config_cafile: caFile,
		},
		smtp: { host: '127.0.0.1', port: portOf(smtp) },
		calls,
		refused,
		mails,
		/** The next calls to `host` (those `when` accepts) are answered with these statuses, one each, then as usual. */
		failNext: (
			/** @type {string} */ host,
			/** @type {number[]} */ statuses,
			/** @type {(call: ServiceCall) => boolean} */ when = () => true,
		) => {
			for (const status of statuses) failures.push({ host, status, when });
		},
		/** Publishes a package version (a tarball file) to the registry stand-in; returns the checksum npm and n8n read (`dist.integrity`). */
		publish: (
			/** @type {string} */ name,
			/** @type {string} */ version,
			/** @type {string} */ tarballFile,
		) => {
			const tarball = fs.readFileSync(tarballFile);
			if (!packages.has(name)) packages.set(name, new Map());
			/** @type {Map<string, Buffer>} */ (packages.get(name)).set(version, tarball);
			return `sha512-${crypto.createHash('sha512').update(tarball).digest('base64')}`;
		},
		clear: () => {
			calls.splice(0);
			mails.splice(0);
			failures.splice(0);
		},
		stop: async () => {
			await new Promise((resolve) => proxy.close(() => resolve(undefined)));
			await new Promise((resolve) => smtp.close(() => resolve(undefined)));
			services.close();
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

module.exports = { startAppStandIns };
