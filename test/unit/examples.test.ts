// The example workflows are safe to import into a live shop: nothing that changes the shop runs on a
// first click, every public webhook is authenticated, and each says what to set up and what to replace.
import { exampleTriggers, readExamples } from '../../harness/workflows';

const examples = readExamples();
const noteOf = (example: (typeof examples)[number]) =>
	String(example.nodes.find((n) => n.name === 'Read me')?.parameters.content ?? '');

/** The operations that change the shop (everything but reads). */
const CHANGES_THE_SHOP = new Set([
	'create',
	'createDownloadLink',
	'updateLimits',
	'delete',
	'assign',
	'unassign',
	'resendEmail',
	'resetDownloads',
	'setAccess',
	'setLineFiles',
	'upload',
]);
/** Where a record of the shop is chosen by customer: never from what a model or a caller made up. */
const CUSTOMER_FIELDS = ['customerEmail', 'customerId'];
/**
 * A tool that gives a customer only what they bought: a link for their own, paid order, checked against
 * an e-mail that does not come from the model. An agent may have it active.
 */
const isOwnOrderLinkTool = (node: (typeof examples)[number]['nodes'][number]) =>
	node.parameters.operation === 'createDownloadLink' &&
	node.parameters.checkCustomerEmail !== false &&
	!String(node.parameters.customerEmail).includes('$fromAI');
/** The one example whose webhook has no authentication: software the merchant ships calls it. */
const PUBLIC_LICENCE_CHECK = 'bigddExample0002';
/** Nodes that stand in for the merchant's own app or data, by example file id. */
const STAND_INS: Record<string, string[]> = {
	bigddExample0004: ['Keys from your key generator'],
};

/** The services examples send to, by file id, and n8n's own node that does it (no stand-in for those). */
const APP_NODES: Record<string, string[]> = {
	bigddExample0003: ['n8n-nodes-base.hubspot'],
	bigddExample0005: ['n8n-nodes-base.slack', 'n8n-nodes-base.googleSheets'],
	bigddExample0007: ['n8n-nodes-base.emailSend'],
	bigddExample0009: ['n8n-nodes-base.emailSend'],
	bigddExample0010: ['n8n-nodes-base.hubspot'],
};

type ExampleNode = (typeof examples)[number]['nodes'][number];
/** The nodes a node hands itself to as a tool. */
const toolTargets = (example: (typeof examples)[number], node: ExampleNode) =>
	(example.connections[node.name]?.ai_tool?.[0] ?? []).map(
		(c) => example.nodes.find((n) => n.name === c.node)!,
	);
/** n8n's human review of tool calls (2.x): a tool connected through it runs only once a person approves. */
const isHumanReview = (node: ExampleNode) => node.type.endsWith('HitlTool');
/** The BigDD tools an AI Agent can call, directly or behind a human review. */
const agentToolsOf = (example: (typeof examples)[number]) =>
	example.nodes.filter(
		(n) =>
			n.type.endsWith('.bigDigitalDownloadsTool') &&
			toolTargets(example, n).some(
				(target) =>
					target.type === '@n8n/n8n-nodes-langchain.agent' ||
					(isHumanReview(target) &&
						toolTargets(example, target).some((t) => t.type === '@n8n/n8n-nodes-langchain.agent')),
			),
	);

/** The nodes reachable from `start` through the workflow's connections. */
function reachableFrom(example: (typeof examples)[number], start: string): Set<string> {
	const seen = new Set<string>([start]);
	for (const name of seen)
		for (const output of example.connections[name]?.main ?? [])
			for (const { node } of output ?? []) seen.add(node);
	return seen;
}

describe.each(examples.map((example) => [example.name, example] as const))(
	'%s',
	(_name, example) => {
		it('has a Read me note', () => {
			expect(noteOf(example).length).toBeGreaterThan(100);
		});

		it('its Read me note sits above its nodes, not over them', () => {
			const note = example.nodes.find((n) => n.name === 'Read me')!;
			const nodesTop = Math.min(
				...example.nodes.filter((n) => n !== note).map((n) => n.position[1]),
			);
			expect(note.position[1] + Number(note.parameters.height)).toBeLessThan(nodesTop);
		});

		it('changes nothing in the shop when run by hand as imported (changing nodes are deactivated)', () => {
			const manual = example.nodes.filter(
				(n) =>
					n.type === 'n8n-nodes-base.manualTrigger' || n.type === 'n8n-nodes-base.scheduleTrigger',
			);
			const reachable = new Set(
				manual.flatMap((trigger) => [...reachableFrom(example, trigger.name)]),
			);
			const changing = example.nodes.filter(
				(n) =>
					reachable.has(n.name) &&
					n.type.endsWith('.bigDigitalDownloads') &&
					CHANGES_THE_SHOP.has(String(n.parameters.operation)) &&
					!n.disabled,
			);
			expect(changing.map((n) => n.name)).toEqual([]);
		});

		it("gives an AI agent or MCP client no tool that changes the shop until the merchant activates it, unless a person approves each call (a link to the customer's own paid order aside)", () => {
			const gated = (n: ExampleNode) =>
				toolTargets(example, n).length > 0 && toolTargets(example, n).every(isHumanReview);
			const changingTools = example.nodes.filter(
				(n) =>
					n.type.endsWith('.bigDigitalDownloadsTool') &&
					CHANGES_THE_SHOP.has(String(n.parameters.operation)) &&
					!n.disabled &&
					!isOwnOrderLinkTool(n) &&
					!gated(n),
			);
			expect(changingTools.map((n) => n.name)).toEqual([]);
		});

		it("an agent's tools never take the customer from the model: the customer's e-mail or id is fixed by the workflow", () => {
			const customerFromModel = agentToolsOf(example).filter((n) =>
				CUSTOMER_FIELDS.some((field) =>
					JSON.stringify([
						n.parameters[field],
						(n.parameters.filters as Record<string, unknown> | undefined)?.[field],
					]).includes('$fromAI'),
				),
			);
			expect(customerFromModel.map((n) => n.name)).toEqual([]);
		});

		it("a resend its agent may ask for goes to the order's own address, never one the model gives", () => {
			expect(
				agentToolsOf(example)
					.filter(
						(n) =>
							n.parameters.operation === 'resendEmail' &&
							JSON.stringify(n.parameters.options ?? {}) !== '{}',
					)
					.map((n) => n.name),
			).toEqual([]);
		});

		it("its agent's tools hand their errors to the model (On Error: Continue), on n8n 1.x too", () => {
			expect(
				agentToolsOf(example)
					.filter((n) => n.onError !== 'continueRegularOutput')
					.map((n) => n.name),
			).toEqual([]);
		});

		it('every Webhook node it has answers only callers with its header (the licence check, public on purpose, says so and answers only the verdict)', () => {
			for (const hook of example.nodes.filter((n) => n.type === 'n8n-nodes-base.webhook')) {
				if (example.id === PUBLIC_LICENCE_CHECK) {
					expect(hook.parameters.authentication ?? 'none').toBe('none');
					expect(noteOf(example)).toContain('**Public on purpose**');
					const answers = example.nodes
						.filter((n) => n.type === 'n8n-nodes-base.respondToWebhook')
						.map((n) => String(n.parameters.responseBody));
					for (const answer of answers)
						expect(answer.match(/\b\w+(?=:)/g)?.sort()).toEqual(
							answer.includes('error') ? ['error', 'licensed'] : ['assigned', 'licensed', 'valid'],
						);
					continue;
				}
				expect(hook.parameters.authentication).toBe('headerAuth');
				expect(hook.credentials?.httpHeaderAuth).toBeDefined();
				expect(noteOf(example)).toContain('Header Auth');
			}
		});

		it('a BigDD trigger says it needs its own endpoint, whose secret joins the one credential', () => {
			if (exampleTriggers([example]).length === 0) return;
			expect(noteOf(example)).toContain('Needs its own BigDD endpoint');
			expect(noteOf(example)).toContain('next empty **Webhook Signing Secret** field');
		});

		it("sends to the services it names with n8n's own node for each, and no placeholder node", () => {
			const types = example.nodes.filter((n) => !n.disabled).map((n) => n.type);
			for (const type of APP_NODES[example.id] ?? []) expect(types).toContain(type);
			expect(types).not.toContain('n8n-nodes-base.noOp');
		});

		it('its stand-in nodes exist and the note names them', () => {
			for (const name of STAND_INS[example.id] ?? []) {
				expect(example.nodes.map((n) => n.name)).toContain(name);
				expect(noteOf(example)).toContain(`*${name}*`);
			}
		});
	},
);
