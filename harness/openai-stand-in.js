// @ts-check
'use strict';

// A local stand-in for OpenAI's chat completions API (what n8n's OpenAI Chat Model node calls with its
// Base URL pointed here): each call gets the next scripted answer, a tool call or a final text, and
// every request body is kept so tests can read what the model was given (tools, their schemas, the
// tool results fed back). Loopback only; `stop()` closes it.
const http = require('node:http');

/**
 * @typedef {{ role: string, content?: string | null, tool_call_id?: string, tool_calls?: unknown[] }} Message
 * @typedef {{ model?: string, messages: Message[], tools?: { type: string, function: { name: string, description?: string, parameters?: object } }[] }} ChatRequest
 * @typedef {{ name: string, arguments: object }} ToolCall
 * @typedef {{ toolCalls: (request: ChatRequest) => ToolCall[] } | { text: (request: ChatRequest) => string }} Turn
 */

/**
 * @param {Turn[]} script the answers, in order (a turn may call several tools at once, as models do);
 *   past its end every call gets an error answer. `useScript` starts another conversation.
 */
async function startOpenAiStandIn(script) {
	/** @type {ChatRequest[]} */
	const requests = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			const send = (/** @type {number} */ status, /** @type {object} */ json) => {
				res.writeHead(status, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify(json));
			};
			if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions'))
				return send(404, { error: { message: `no route ${req.method} ${req.url}` } });
			const request = /** @type {ChatRequest} */ (JSON.parse(body));
			requests.push(request);
			const turn = script[requests.length - 1];
			if (!turn)
				return send(500, {
					error: { message: `the script has no answer for call ${requests.length}` },
				});
			const message =
				'toolCalls' in turn
					? {
							role: 'assistant',
							content: null,
							tool_calls: turn.toolCalls(request).map((call, i) => ({
								id: `call_${requests.length}_${i}`,
								type: 'function',
								function: { name: call.name, arguments: JSON.stringify(call.arguments) },
							})),
						}
					: { role: 'assistant', content: turn.text(request) };
			send(200, {
				id: `chatcmpl-${requests.length}`,
				object: 'chat.completion',
				created: Math.floor(Date.now() / 1000),
				model: request.model ?? 'stand-in',
				choices: [
					{ index: 0, message, finish_reason: 'toolCalls' in turn ? 'tool_calls' : 'stop' },
				],
				usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
			});
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error('the OpenAI stand-in has no port');
	return {
		/** The Base URL for n8n's OpenAI credential. */
		url: `http://127.0.0.1:${address.port}/v1`,
		requests,
		/** Replaces the script and forgets the requests so far: the next call gets the new script's first answer. */
		useScript(/** @type {Turn[]} */ next) {
			script = next;
			requests.length = 0;
		},
		stop: () => new Promise((resolve) => server.close(() => resolve(undefined))),
	};
}

module.exports = { startOpenAiStandIn };
