// The action node as a tool, on both paths n8n 2.41.1 calls tools by: an AI Agent (its engine runs the
// tool node) with an OpenAI Chat Model pointed at a local stand-in that scripts the model's tool calls,
// and the MCP Server Trigger called by the official MCP SDK client. Custom operations (Validate, Create
// download link) included: n8n's tool wrapper runs only a declarative node's routing.
import type { Shop } from '../support/local-bigdd';
import { exampleAiCredentials, readExamples } from '../../harness/workflows';
import { connectMcp } from '../../harness/mcp';
import { startOpenAiStandIn } from '../../harness/openai-stand-in';
import { useN8nWithBigdd } from './fixture';

const CREDENTIAL_ID = 'bigddLocalDemo01';
const MCP_TOKEN = 'example-mcp-bearer-token-0123456789';
const AGENT_ID = 'bigddExample0011';
const MCP_ID = 'bigddExample0012';

interface RunExecution {
	status: string;
	data: { resultData: { error?: { message: string }; runData: Record<string, { data?: { main: { json: Record<string, unknown> }[][] } }[]> } };
}
type Example = ReturnType<typeof readExamples>[number];

const examples = readExamples();
const example = (id: string) => examples.find((e) => e.id === id)!;
/** The tool description an example gives its tool node, written for the model. */
const toolDescriptionOf = (id: string, node: string) => example(id).nodes.find((n) => n.name === node)?.parameters.toolDescription;

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
		otherCredentials: () => exampleAiCredentials({ openAiUrl: openai.url, openAiKey: 'sk-example-stand-in', mcpToken: MCP_TOKEN }),
		workflows: (shop) => {
			const filesOf = (o: Shop['orders'][number]) => shop.products.find((p) => p.id === o.lines[0].digital_product_id)?.file_ids ?? [];
			order = shop.orders.find((o) => filesOf(o).length > 0 && shop.orders.filter((other) => other.customer.email === o.customer.email).length === 1)!;
			productFiles = filesOf(order);
			// As the merchant does once the example works for them: Create download link activated, and the
			// question coming from their helpdesk (here, one of the seeded customers).
			const agent: Example = {
				...example(AGENT_ID),
				nodes: example(AGENT_ID).nodes.map((node) => {
					if (node.name === 'Customer message') return { ...node, parameters: { ...node.parameters, assignments: { assignments: [{ id: 'message', name: 'message', value: question(), type: 'string' }] } } };
					return { ...node, disabled: false };
				}),
			};
			return [agent, example(MCP_ID)];
		},
		publish: [MCP_ID],
	});
	const question = () => `Where is my download? I bought with ${order.customer.email}.`;

	it('an AI Agent answers "where is my download?" with the node as its tools: the schemas it was given, the BigDD requests, the results fed back', async () => {
		const rest = setup.rest();
		setup.bigdd().clear();
		const before = (await setup.n8n().executions(AGENT_ID)).length;
		expect((await rest('POST', `/rest/workflows/${AGENT_ID}/run`, { triggerToStartFrom: { name: 'Start' } })).status).toBe(200);
		const [run] = (await setup.n8n().waitForExecutions(AGENT_ID, before + 1, 120_000)) as RunExecution[];
		expect(openai.requests[0].messages.at(-1)).toEqual({ role: 'user', content: question() });
		expect(run.data.resultData.error).toBeUndefined();

		// The tools as the model received them: names, the descriptions written for it, $fromAI arguments.
		const tools = Object.fromEntries((openai.requests[0].tools ?? []).map((t) => [t.function.name, t.function]));
		expect(Object.keys(tools).sort()).toEqual(['Create_download_link', 'Find_orders', 'Get_digital_product']);
		expect(tools.Find_orders.description).toBe(toolDescriptionOf(AGENT_ID, 'Find orders'));
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
			expect(Object.keys(byName).sort()).toEqual(['Find_orders', 'Get_digital_product', 'Validate_license_key']);
			expect(byName.Validate_license_key.description).toBe(toolDescriptionOf(MCP_ID, 'Validate license key'));
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
