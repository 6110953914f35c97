// @ts-check
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { NODE_TYPE_PREFIX } = require('./n8n');

const EXAMPLES_DIR = path.join(__dirname, '..', 'examples');

/**
 * The example workflows in examples/, as npm start imports them and the e2e suite runs them.
 * @returns {{ id: string, name: string, nodes: { name: string, type: string, position: number[], webhookId?: string, disabled?: boolean, onError?: string, parameters: Record<string, unknown>, credentials?: Record<string, { id: string, name: string }> }[], connections: Record<string, { main?: { node: string }[][], ai_tool?: { node: string }[][] }> }[]}
 */
function readExamples() {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((name) => name.endsWith('.json'))
		.map((name) => JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, name), 'utf8')));
}

const ACTION_NODE_TYPE = `${NODE_TYPE_PREFIX}bigDigitalDownloads`;
const CREDENTIAL_TYPE = 'bigDigitalDownloadsApi';

/**
 * An importable credential pointing at a local BigDD server. Several signing secrets go one per field
 * (Webhook Signing Secret, … 2, … 3), as a merchant enters them.
 */
function bigddCredential(
	/** @type {{ id: string, baseUrl: string, apiToken: string, webhookSigningSecret?: string | string[], name?: string }} */ c,
) {
	const secrets = [c.webhookSigningSecret ?? ''].flat();
	const secretFields = Object.fromEntries(
		secrets.map((secret, i) => [
			i === 0 ? 'webhookSigningSecret' : `webhookSigningSecret${i + 1}`,
			secret,
		]),
	);
	return {
		id: c.id,
		name: c.name ?? `BigDD ${c.id}`,
		type: CREDENTIAL_TYPE,
		data: { apiToken: c.apiToken, baseUrl: c.baseUrl, ...secretFields },
	};
}

/**
 * A workflow whose Manual Trigger feeds each given node directly (one input item each), so one
 * headless execution covers several operations.
 * @param {{ id: string, name?: string, credentialId: string,
 *   nodes: { name: string, parameters: Record<string, unknown>, type?: string, typeVersion?: number,
 *     settings?: Record<string, unknown>, after?: string }[] }} spec
 * `after` chains a node behind another instead of the trigger; `settings` are node settings such as retryOnFail.
 */
function actionWorkflow(spec) {
	const trigger = {
		id: 'trigger',
		name: 'Start',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	/** @type {Record<string, { main: { node: string, type: string, index: number }[][] }>} */
	const connections = {};
	const nodes = spec.nodes.map((node, i) => {
		const from = node.after ?? trigger.name;
		connections[from] ??= { main: [[]] };
		connections[from].main[0].push({ node: node.name, type: 'main', index: 0 });
		const isOurs = !node.type;
		return {
			id: `node-${i}`,
			name: node.name,
			type: node.type ?? ACTION_NODE_TYPE,
			typeVersion: node.typeVersion ?? 1,
			position: [300, i * 150],
			parameters: node.parameters,
			...(isOurs
				? {
						credentials: {
							[CREDENTIAL_TYPE]: { id: spec.credentialId, name: `BigDD ${spec.credentialId}` },
						},
					}
				: {}),
			...node.settings,
		};
	});
	return {
		id: spec.id,
		name: spec.name ?? spec.id,
		active: false,
		nodes: [trigger, ...nodes],
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

const TRIGGER_NODE_TYPE = `${NODE_TYPE_PREFIX}bigDigitalDownloadsTrigger`;
const TRIGGER_NAME = 'BigDD Trigger';

/**
 * A workflow started by the BigDD trigger (fixed webhookId, so its URL is known), ending in a NoOp
 * named Done; with `waitSeconds`, a Wait step before it keeps each run going that long.
 * @param {{ id: string, webhookId: string, credentialId: string, events: string[], options?: Record<string, unknown>, waitSeconds?: number }} spec
 */
function triggerWorkflow(spec) {
	const wait = spec.waitSeconds
		? {
				id: 'wait',
				name: 'Wait',
				type: 'n8n-nodes-base.wait',
				typeVersion: 1.1,
				webhookId: `${spec.webhookId}-wait`,
				parameters: { resume: 'timeInterval', amount: spec.waitSeconds, unit: 'seconds' },
			}
		: undefined;
	const trigger = {
		id: 'trigger',
		name: TRIGGER_NAME,
		type: TRIGGER_NODE_TYPE,
		typeVersion: 1,
		webhookId: spec.webhookId,
		parameters: { events: spec.events, options: spec.options ?? {} },
		credentials: credentialRef(spec.credentialId),
	};
	return chainedWorkflow(spec.id, [trigger, ...(wait ? [wait] : []), DONE]);
}

const POLLING_TRIGGER_NODE_TYPE = `${NODE_TYPE_PREFIX}bigDigitalDownloadsPollingTrigger`;
const POLLING_TRIGGER_NAME = 'New order';

/**
 * A workflow started by the polling trigger every minute (n8n's shortest interval), ending in a NoOp named Done.
 * @param {{ id: string, credentialId: string, parameters?: Record<string, unknown> }} spec
 */
function pollingWorkflow(spec) {
	const trigger = {
		id: 'trigger',
		name: POLLING_TRIGGER_NAME,
		type: POLLING_TRIGGER_NODE_TYPE,
		typeVersion: 1,
		parameters: {
			pollTimes: { item: [{ mode: 'everyMinute' }] },
			event: 'newOrder',
			...spec.parameters,
		},
		credentials: credentialRef(spec.credentialId),
	};
	return chainedWorkflow(spec.id, [trigger, DONE]);
}

/** The NoOp the trigger workflows end in. */
const DONE = {
	id: 'done',
	name: 'Done',
	type: 'n8n-nodes-base.noOp',
	typeVersion: 1,
	parameters: {},
};

/** A node's reference to the BigDD credential with this id. */
const credentialRef = (/** @type {string} */ credentialId) => ({
	[CREDENTIAL_TYPE]: { id: credentialId, name: `BigDD ${credentialId}` },
});

/**
 * A workflow of `nodes` each connected to the next, the first its trigger, laid out left to right.
 * @param {string} id @param {({ name: string } & Record<string, unknown>)[]} nodes
 */
function chainedWorkflow(id, nodes) {
	return {
		id,
		name: id,
		active: false,
		nodes: nodes.map((node, i) => ({ ...node, position: [i * 300, 0] })),
		connections: Object.fromEntries(
			nodes
				.slice(0, -1)
				.map((from, i) => [
					from.name,
					{ main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] },
				]),
		),
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** Whether an example starts from a webhook (BigDD's events, a portal or helpdesk call): it must be published. */
const startsFromWebhook = (/** @type {{ nodes: { webhookId?: string }[] }} */ example) =>
	example.nodes.some((node) => node.webhookId);

/** The Header Auth credential the portal and helpdesk examples' Webhook nodes name, with `value` as the key. */
function exampleHeaderAuth(/** @type {string} */ value) {
	return {
		id: 'bigddExampleKey1',
		name: 'Header Auth (X-Api-Key)',
		type: 'httpHeaderAuth',
		data: { name: 'X-Api-Key', value },
	};
}

/**
 * The credentials the AI examples name: an OpenAI credential (its Base URL `openAiUrl`: OpenAI's own, or a
 * local stand-in in tests) and the Bearer Auth the MCP example's trigger checks, holding `mcpToken`.
 */
function exampleAiCredentials(
	/** @type {{ openAiUrl: string, openAiKey: string, mcpToken: string }} */ c,
) {
	return [
		{
			id: 'bigddExampleOpenAi',
			name: 'OpenAI',
			type: 'openAiApi',
			data: { apiKey: c.openAiKey, url: c.openAiUrl },
		},
		{
			id: 'bigddExampleMcp1',
			name: 'Bearer Auth (MCP clients)',
			type: 'httpBearerAuth',
			data: { token: c.mcpToken },
		},
	];
}

/**
 * The credentials the app examples name (Slack, Google Sheets, HubSpot, SMTP), for the local stand-ins of
 * those services (harness/app-stand-ins.js) or, in `npm start`, as placeholders the user replaces.
 */
function exampleAppCredentials(/** @type {{ smtp: { host: string, port: number } }} */ c) {
	return [
		{
			id: 'bigddExampleSlack',
			name: 'Slack',
			type: 'slackApi',
			data: { accessToken: 'xoxb-example-slack-token' },
		},
		{
			id: 'bigddExampleSheet',
			name: 'Google Sheets',
			type: 'googleSheetsOAuth2Api',
			data: {
				clientId: 'example-client-id',
				clientSecret: 'example-client-secret',
				oauthTokenData: {
					access_token: 'ya29.example-sheets-token',
					refresh_token: 'example-refresh-token',
					token_type: 'Bearer',
					expires_in: 3599,
				},
			},
		},
		{
			id: 'bigddExampleHubsp',
			name: 'HubSpot',
			type: 'hubspotAppToken',
			data: { appToken: 'pat-example-hubspot-token' },
		},
		{
			id: 'bigddExampleSmtp1',
			name: 'SMTP',
			type: 'smtp',
			data: {
				user: 'n8n',
				password: 'example-smtp-password',
				host: c.smtp.host,
				port: c.smtp.port,
				secure: false,
				disableStartTls: true,
			},
		},
	];
}

/**
 * The BigDD trigger of each example that has one: its workflow, its webhook id (its URL) and its events,
 * what a merchant enters in BigDD's Add endpoint.
 * @param {ReturnType<typeof readExamples>} examples
 */
function exampleTriggers(examples) {
	return examples.flatMap((example) =>
		example.nodes
			.filter((node) => node.type === TRIGGER_NODE_TYPE && node.webhookId)
			.map((node) => ({
				workflowId: example.id,
				name: example.name,
				webhookId: /** @type {string} */ (node.webhookId),
				events: /** @type {string[]} */ (node.parameters.events),
			})),
	);
}

/**
 * What a merchant does in BigDD for each example trigger: one endpoint per trigger URL (under
 * `n8nUrl`), each with its own secret, all of them kept in the shop's one credential.
 * @param {ReturnType<typeof import('../dev-server/server').createBigddServer>} bigdd
 * @returns the signing secrets (one per endpoint, for the credential's fields), and each trigger's endpoint and secret
 */
function addExampleEndpoints(
	bigdd,
	/** @type {ReturnType<typeof readExamples>} */ examples,
	/** @type {string} */ n8nUrl,
) {
	const endpoints = exampleTriggers(examples).map((trigger) => ({
		...trigger,
		...bigdd.endpoints.add({
			name: trigger.name,
			url: `${n8nUrl}/webhook/${trigger.webhookId}/bigdd`,
			events: trigger.events,
		}),
	}));
	return { signingSecrets: endpoints.map((e) => e.secret), endpoints };
}

module.exports = {
	readExamples,
	startsFromWebhook,
	exampleHeaderAuth,
	exampleAiCredentials,
	exampleAppCredentials,
	exampleTriggers,
	addExampleEndpoints,
	bigddCredential,
	actionWorkflow,
	triggerWorkflow,
	pollingWorkflow,
	POLLING_TRIGGER_NAME,
	ACTION_NODE_TYPE,
	CREDENTIAL_TYPE,
	TRIGGER_NAME,
};
