#!/usr/bin/env node
// @ts-check
'use strict';

// `npm start`: builds the package, starts the local BigDD server and a real n8n with the package
// installed from its tarball, a ready credential and the example workflows. Ctrl-C stops everything.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { createBigddServer } = require('../dev-server/server');
const { createN8n } = require('../harness/n8n');
const { ensureN8n, packPackage, REPO_ROOT } = require('../harness/runtime');
const { startAppStandIns } = require('../harness/app-stand-ins');
const {
	addExampleEndpoints,
	bigddCredential,
	exampleAiCredentials,
	exampleAppCredentials,
	exampleHeaderAuth,
	readExamples,
	startsFromWebhook,
} = require('../harness/workflows');

const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
const BIGDD_PORT = Number(process.env.BIGDD_PORT ?? 4010);
const DEMO_FOLDER = path.join(REPO_ROOT, '.n8n-demo');
const DEMO_CREDENTIAL_ID = 'bigddLocalDemo01';
/** The X-Api-Key of the portal and helpdesk examples (their Webhook nodes use Header Auth). */
const DEMO_API_KEY = 'local-demo-api-key';
/** The MCP example's bearer token; the OpenAI credential waits for the user's own key. */
const DEMO_MCP_TOKEN = 'local-demo-mcp-token';

const say = (/** @type {string} */ message) => console.log(`[start] ${message}`);

async function main() {
	say('building the package (n8n-node build)');
	execFileSync('npm', ['run', '--silent', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });

	say('preparing n8n 2.41.1 (the first run installs it: a few minutes, progress below)');
	ensureN8n();

	const bigdd = createBigddServer();
	const bigddUrl = await bigdd.start(BIGDD_PORT);
	say(`local BigDD API on ${bigddUrl}/public-api/v1`);

	// The examples' Slack, Google Sheets, HubSpot and e-mail go to local stand-ins (n8n's proxy setting).
	const apps = await startAppStandIns();
	const n8n = await createN8n({
		tarball: packPackage(),
		root: DEMO_FOLDER,
		port: N8N_PORT,
		env: apps.env,
	});
	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		say('stopping n8n and the local BigDD server');
		await n8n.stop();
		await bigdd.stop();
		await apps.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);

	const examples = readExamples();
	// What the README's trigger setup does in BigDD: one endpoint per trigger example, its secret in the one credential.
	const { signingSecrets, endpoints } = addExampleEndpoints(bigdd, examples, n8n.baseUrl);
	say(`added ${endpoints.length} webhook endpoints in the local BigDD, one per trigger example`);
	say('importing the credentials and example workflows');
	await n8n.importCredentials([
		bigddCredential({
			id: DEMO_CREDENTIAL_ID,
			name: 'BigDD (local server)',
			baseUrl: bigddUrl,
			apiToken: bigdd.token,
			webhookSigningSecret: signingSecrets,
		}),
		exampleHeaderAuth(DEMO_API_KEY),
		...exampleAppCredentials({ smtp: apps.smtp }),
		...exampleAiCredentials({
			openAiUrl: 'https://api.openai.com/v1',
			openAiKey: '',
			mcpToken: DEMO_MCP_TOKEN,
		}),
	]);
	await n8n.importWorkflows(examples);
	// Examples started by a webhook (BigDD events, a portal, a helpdesk) are published, so their URLs answer.
	for (const example of examples.filter(startsFromWebhook)) await n8n.publish(example.id);

	const [sample] = bigdd.shop.orders;
	say('starting n8n');
	await n8n.start();
	// What the never-miss example's note asks the merchant to create once.
	await n8n.createDataTable('bigdd_orders_in_crm', [{ name: 'order_id', type: 'string' }]);
	console.log(`
  n8n is ready:      ${n8n.baseUrl}
  log in as:         ${n8n.owner.email} / ${n8n.owner.password}
  credential:        "BigDD (local server)" (token ${bigdd.token}, base URL ${bigddUrl})
  example workflows: ${examples.map((w) => w.name).join('\n                     ')}
  BigDD admin:       ${bigddUrl}/__admin/state  (requests: ${bigddUrl}/__admin/requests)
  BigDD endpoints:   ${bigddUrl}/__admin/webhook-endpoints  (one per trigger example, with its deliveries)
  a purchase:        curl -s -X POST ${bigddUrl}/__admin/events -H 'Content-Type: application/json' -d '{"type":"digital_order.purchased"}'
                     (BigDD sends it to every endpoint that selected it, each signed with its own secret)
  BigDD's Test:      curl -s -X POST ${bigddUrl}/__admin/webhook-endpoints/${endpoints[0]?.id}/test
  portal:            curl -s -H 'X-Api-Key: ${DEMO_API_KEY}' '${n8n.baseUrl}/webhook/bigdd-portal?customer=${sample.customer.gid.split('/').pop()}'
  helpdesk:          curl -s -X POST ${n8n.baseUrl}/webhook/bigdd-helpdesk -H 'X-Api-Key: ${DEMO_API_KEY}' -H 'Content-Type: application/json' \\
                       -d '{"email":"${sample.customer.email}","order":"${sample.name}","new_email":"someone@example.com"}'
  Slack, Sheets, HubSpot, e-mail: answered by local stand-ins (SMTP on ${apps.smtp.host}:${apps.smtp.port})
  MCP server:        ${n8n.baseUrl}/mcp/bigdd  (streamable HTTP, Authorization: Bearer ${DEMO_MCP_TOKEN})
  licence check:     curl -s -X POST ${n8n.baseUrl}/webhook/bigdd-license -H 'Content-Type: application/json' -d '{"key":"${bigdd.shop.licenseKeys.find((k) => k.order_id)?.key}"}'
  AI agent example:  put your OpenAI API key in the "OpenAI" credential first, then
                     curl -s -X POST ${n8n.baseUrl}/webhook/bigdd-support -H 'X-Api-Key: ${DEMO_API_KEY}' -H 'Content-Type: application/json' \\
                       -d '{"email":"${sample.customer.email}","message":"Where is my download?"}'
  n8n log:           ${path.join(DEMO_FOLDER, 'n8n-start.log')}

  Press Ctrl-C to stop everything.
`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
