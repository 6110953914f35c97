// The action node as a tool, on both paths n8n 2.41.1 calls tools by: an AI Agent (its engine runs the
// tool node) with an OpenAI Chat Model pointed at a local stand-in that scripts the model's tool calls,
// and the MCP Server Trigger called by the official MCP SDK client. Custom operations (Validate, Create
// download link) included: n8n's tool wrapper runs only a declarative node's routing.
import type { Shop } from '../support/local-bigdd';
import { CREDENTIAL_TYPE } from '../../harness/workflows';
import { connectMcp } from '../../harness/mcp';
import { startOpenAiStandIn } from '../../harness/openai-stand-in';
import { useN8nWithBigdd } from './fixture';

const CREDENTIAL_ID = 'bigddAiToolCred1';
const OPENAI_CREDENTIAL_ID = 'bigddAiOpenAi001';
const MCP_CREDENTIAL_ID = 'bigddAiMcpBear01';
const MCP_TOKEN = 'example-mcp-bearer-token-0123456789';
const TOOL_TYPE = 'n8n-nodes-big-digital-downloads.bigDigitalDownloadsTool';

interface RunExecution {
	status: string;
	data: { resultData: { error?: { message: string }; runData: Record<string, { data?: { main: { json: Record<string, unknown> }[][] } }[]> } };
}

/** A BigDD tool node: its name becomes the tool's name (spaces as _), its description is written for the model. */
const toolNode = (name: string, toolDescription: string, parameters: Record<string, unknown>) => ({
	id: name,
	name,
	type: TOOL_TYPE,
	typeVersion: 1.1,
	position: [0, 300],
	parameters: { descriptionType: 'manual', toolDescription, ...parameters },
	credentials: { [CREDENTIAL_TYPE]: { id: CREDENTIAL_ID, name: 'BigDD' } },
});
const toolConnections = (names: string[], to: string) => Object.fromEntries(names.map((name) => [name, { ai_tool: [[{ node: to, type: 'ai_tool', index: 0 }]] }]));

const FIND_ORDERS = toolNode('Find orders', "Find a customer's orders by the e-mail address they bought with. Returns each order with its lines; each line names the digital product bought (lines[].digital_product.id).", {
	resource: 'order',
	operation: 'getAll',
	limit: 5,
	filters: { customerEmail: "={{ $fromAI('customer_email', 'The e-mail address the customer bought with', 'string') }}" },
});
const GET_PRODUCT = toolNode('Get digital product', 'Get a digital product by its ID, with its files (files[].id).', {
	resource: 'digitalProduct',
	operation: 'get',
	productId: { __rl: true, mode: 'id', value: "={{ $fromAI('product_id', 'The digital product ID, from an order line (lines[].digital_product.id)', 'string') }}" },
});
const SEND_LINK = toolNode('Create download link', 'Create a new download link for files of a digital product the customer bought. Returns the link URL to give the customer.', {
	resource: 'downloadLink',
	operation: 'create',
	fileIds: "={{ $fromAI('file_ids', 'BigDD file IDs (files[].id of the digital product), separated by commas', 'string') }}",
});
const VALIDATE = toolNode('Validate license key', 'Check a license key a customer entered. "licensed" is true when the key exists and is assigned to an order.', {
	resource: 'licenseKey',
	operation: 'validate',
	key: "={{ $fromAI('key', 'The license key exactly as the customer entered it', 'string') }}",
});

describe('the node as an AI tool, in real n8n 2.41.1', () => {
	let openai: Awaited<ReturnType<typeof startOpenAiStandIn>>;
	/** The order the agent is asked about (its customer's only order), and the files of its first line's product. */
	let order: Shop['orders'][number];
	let productFiles: string[];
	/** The content of the last tool result the model was given. */
	const lastToolResult = (request: { messages: { role: string; content?: string | null }[] }) =>
		JSON.parse(String(request.messages.filter((m) => m.role === 'tool').at(-1)?.content));

	beforeAll(async () => {
		openai = await startOpenAiStandIn([
			{ toolCall: { name: () => 'Find_orders', arguments: () => ({ customer_email: order.customer.email }) } },
			// The model reads each next argument from the result the tool before gave it.
			{ toolCall: { name: () => 'Get_digital_product', arguments: (request) => ({ product_id: lastToolResult(request)[0].lines[0].digital_product.id }) } },
			{ toolCall: { name: () => 'Create_download_link', arguments: (request) => ({ file_ids: lastToolResult(request)[0].files.map((f: { id: string }) => f.id).join(',') }) } },
			{ text: (request) => `Here is your new download link: ${(lastToolResult(request) as { url: string }[])[0].url}` },
		]);
	});
	afterAll(async () => await openai?.stop());

	const setup = useN8nWithBigdd({
		bigdd: { orders: 20, products: 3, files: 10, licenseKeys: 5 },
		credentialId: CREDENTIAL_ID,
		otherCredentials: () => [
			{ id: OPENAI_CREDENTIAL_ID, name: 'OpenAI stand-in', type: 'openAiApi', data: { apiKey: 'sk-example-stand-in', url: openai.url } },
			{ id: MCP_CREDENTIAL_ID, name: 'MCP bearer', type: 'httpBearerAuth', data: { token: MCP_TOKEN } },
		],
		workflows: (shop) => {
			const filesOf = (o: Shop['orders'][number]) => shop.products.find((p) => p.id === o.lines[0].digital_product_id)?.file_ids ?? [];
			order = shop.orders.find((o) => filesOf(o).length > 0 && shop.orders.filter((other) => other.customer.email === o.customer.email).length === 1)!;
			productFiles = filesOf(order);
			return [
				{
					id: 'bigddAiAgent0001',
					name: 'Where is my download? (agent)',
					active: false,
					nodes: [
						{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
						{
							id: 'agent',
							name: 'Agent',
							type: '@n8n/n8n-nodes-langchain.agent',
							typeVersion: 3,
							position: [300, 0],
							parameters: { promptType: 'define', text: `A customer writes: "Where is my download? I bought with ${order.customer.email}."`, options: {} },
						},
						{
							id: 'model',
							name: 'OpenAI Chat Model',
							type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
							typeVersion: 1.3,
							position: [200, 300],
							parameters: { model: { __rl: true, mode: 'id', value: 'gpt-4o-mini' }, responsesApiEnabled: false, options: {} },
							credentials: { openAiApi: { id: OPENAI_CREDENTIAL_ID, name: 'OpenAI stand-in' } },
						},
						FIND_ORDERS,
						GET_PRODUCT,
						SEND_LINK,
					],
					connections: {
						Start: { main: [[{ node: 'Agent', type: 'main', index: 0 }]] },
						'OpenAI Chat Model': { ai_languageModel: [[{ node: 'Agent', type: 'ai_languageModel', index: 0 }]] },
						...toolConnections([FIND_ORDERS.name, GET_PRODUCT.name, SEND_LINK.name], 'Agent'),
					},
					settings: { executionOrder: 'v1' },
				},
				{
					id: 'bigddAiMcp000001',
					name: 'BigDD tools over MCP',
					active: false,
					nodes: [
						{
							id: 'mcp',
							name: 'MCP Server Trigger',
							type: '@n8n/n8n-nodes-langchain.mcpTrigger',
							typeVersion: 2,
							position: [0, 0],
							webhookId: 'bigdd-mcp',
							parameters: { path: 'bigdd', authentication: 'bearerAuth' },
							credentials: { httpBearerAuth: { id: MCP_CREDENTIAL_ID, name: 'MCP bearer' } },
						},
						VALIDATE,
						FIND_ORDERS,
					],
					connections: toolConnections([VALIDATE.name, FIND_ORDERS.name], 'MCP Server Trigger'),
					settings: { executionOrder: 'v1' },
				},
			];
		},
		publish: ['bigddAiMcp000001'],
	});

	it('an AI Agent answers "where is my download?" with the node as its tools: the schemas it was given, the BigDD requests, the results fed back', async () => {
		const rest = setup.rest();
		setup.bigdd().clear();
		const before = (await setup.n8n().executions('bigddAiAgent0001')).length;
		expect((await rest('POST', '/rest/workflows/bigddAiAgent0001/run', { triggerToStartFrom: { name: 'Start' } })).status).toBe(200);
		const [run] = (await setup.n8n().waitForExecutions('bigddAiAgent0001', before + 1, 120_000)) as RunExecution[];
		expect(run.data.resultData.error).toBeUndefined();

		// The tools as the model received them: names, the descriptions written for it, $fromAI arguments.
		const tools = Object.fromEntries((openai.requests[0].tools ?? []).map((t) => [t.function.name, t.function]));
		expect(Object.keys(tools).sort()).toEqual(['Create_download_link', 'Find_orders', 'Get_digital_product']);
		expect(tools.Find_orders.description).toBe(FIND_ORDERS.parameters.toolDescription);
		expect(tools.Find_orders.parameters).toMatchObject({
			type: 'object',
			properties: { customer_email: { type: 'string', description: 'The e-mail address the customer bought with' } },
			required: ['customer_email'],
		});
		expect(tools.Create_download_link.parameters).toMatchObject({ properties: { file_ids: { type: 'string' } }, required: ['file_ids'] });

		// What BigDD received: the customer's orders, the product, then one link (a custom operation) for its files.
		const requests = setup.bigdd().requests() as { method: string; path: string; query: Record<string, string>; body: { file_ids?: string[] } }[];
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /public-api/v1/orders',
			`GET /public-api/v1/digital-products/${order.lines[0].digital_product_id}`,
			'POST /public-api/v1/download-links',
		]);
		expect(requests[0].query.customer_email).toBe(order.customer.email);
		expect(requests[2].body.file_ids).toEqual(productFiles);

		// The tool results the model was given, and the answer built from them.
		expect((lastToolResult(openai.requests[1]) as { id: string }[]).map((o) => o.id)).toEqual([order.id]);
		const link = (lastToolResult(openai.requests[3]) as { url: string }[])[0].url;
		expect(link).toMatch(/^https?:\/\//);
		expect(run.data.resultData.runData.Agent[0].data?.main[0][0].json.output).toBe(`Here is your new download link: ${link}`);
	});

	it('an MCP client (the official SDK, streamable HTTP, bearer auth) lists the tools and calls Validate, a custom operation', async () => {
		setup.bigdd().clear();
		const url = `${setup.n8n().baseUrl}/mcp/bigdd`;
		const client = await connectMcp(url, MCP_TOKEN);
		try {
			const { tools } = await client.listTools();
			const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
			expect(Object.keys(byName).sort()).toEqual(['Find_orders', 'Validate_license_key']);
			expect(byName.Validate_license_key.description).toBe(VALIDATE.parameters.toolDescription);
			expect(byName.Validate_license_key.inputSchema).toMatchObject({ type: 'object', properties: { key: { type: 'string' } }, required: ['key'] });

			const key = setup.shop().licenseKeys[0].key;
			const result = (await client.callTool({ name: 'Validate_license_key', arguments: { key } })) as { content: { type: string; text: string }[]; isError?: boolean };
			expect(result.isError).toBeFalsy();
			const verdict = JSON.parse(result.content[0].text);
			expect(verdict).toEqual([expect.objectContaining({ key, valid: true })]);
			const requests = setup.bigdd().requests() as { method: string; path: string; query: Record<string, string> }[];
			expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /public-api/v1/license-keys/validate']);
			expect(requests[0].query.key).toBe(key);
		} finally {
			await client.close();
		}

		// Without the bearer token n8n's MCP endpoint refuses (403), and BigDD hears nothing.
		setup.bigdd().clear();
		const refused = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' }, body: '{}' });
		expect(refused.status).toBe(403);
		expect(setup.bigdd().requests()).toEqual([]);
	});
});
