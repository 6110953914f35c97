// @ts-check
'use strict';

// An MCP client as external agents (Claude, Cursor…) connect to n8n's MCP Server Trigger: the official
// SDK over streamable HTTP, with a bearer token.
const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
const {
	StreamableHTTPClientTransport,
} = require('@modelcontextprotocol/sdk/client/streamableHttp.js');

/** Connects to `url` with `token`; the SDK client (listTools, callTool, close). */
async function connectMcp(/** @type {string} */ url, /** @type {string} */ token) {
	const client = new Client({ name: 'bigdd-e2e', version: '1.0.0' });
	await client.connect(
		new StreamableHTTPClientTransport(new URL(url), {
			requestInit: { headers: { Authorization: `Bearer ${token}` } },
		}),
	);
	return client;
}

module.exports = { connectMcp };
