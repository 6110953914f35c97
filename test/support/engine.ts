// Runs the action node through n8n-core's real execution engine (WorkflowExecute + RoutingNode),
// so a unit test sees the exact request n8n would send and the exact items it would output.
import {
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	PollContext,
	WorkflowExecute,
} from 'n8n-core';
import type {
	IDataObject,
	ICredentialDataDecryptedObject,
	ICredentials,
	IHttpRequestOptions,
	INode,
	INodeListSearchResult,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createRunExecutionData, ICredentialsHelper, Workflow } from 'n8n-workflow';
import {
	BigDigitalDownloadsApi,
	CREDENTIAL_TYPE,
} from '../../credentials/BigDigitalDownloadsApi.credentials';
import { BigDigitalDownloads } from '../../nodes/BigDigitalDownloads/BigDigitalDownloads.node';
import { BigDigitalDownloadsPollingTrigger } from '../../nodes/BigDigitalDownloads/BigDigitalDownloadsPollingTrigger.node';

const credentialType = new BigDigitalDownloadsApi();

/** Authenticates requests with the credential's own authenticate(), as n8n's CredentialsHelper does. */
class TestCredentialsHelper extends ICredentialsHelper {
	/** How many times n8n or the node read (decrypted) the credential. */
	reads = 0;

	constructor(public data: ICredentialDataDecryptedObject) {
		super();
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return await credentialType.authenticate(credentials, requestOptions);
	}

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		this.reads++;
		return { ...this.data };
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by these tests');
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(): INodeProperties[] {
		return credentialType.properties;
	}
}

const NODE_TYPE = 'n8n-nodes-big-digital-downloads.bigDigitalDownloads';

function nodeTypesOf(nodeType: INodeType): INodeTypes {
	return {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
}

/** The version the editor adds, as a new node in a user's workflow has it. */
const DEFAULT_VERSION = new BigDigitalDownloads().description.defaultVersion ?? 1;

/** The action node with these parameters and settings, using the test credential. */
/** Each run's credential is its own, so what the node's pacer learned in one test does not pace the next. */
let credentialsUsed = 0;

function bigddNode(parameters: Record<string, unknown>, settings: Partial<INode> = {}): INode {
	return {
		id: 'bigdd-node',
		name: 'Big Digital Downloads',
		type: NODE_TYPE,
		typeVersion: DEFAULT_VERSION,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		credentials: { [CREDENTIAL_TYPE]: { id: `cred-${++credentialsUsed}`, name: 'BigDD' } },
		...settings,
	};
}

function oneNodeWorkflow(node: INode, nodeTypes: INodeTypes): Workflow {
	return new Workflow({
		id: 'unit',
		nodes: [node],
		connections: {},
		nodeTypes,
		active: false,
		settings: { executionOrder: 'v1' },
	});
}

/** What n8n hands a node besides its parameters: the credential helper and the instance's URLs. */
function additionalDataWith(
	credentialsHelper: TestCredentialsHelper,
	extra: Record<string, unknown> = {},
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		variables: {},
		...extra,
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface NodeRun {
	/** Output items of the node (error items included when Continue On Fail is on). */
	items: INodeExecutionData[];
	/** The error that stopped the run, if any. */
	error?: { message: string; description?: string | null; httpCode?: string | null };
	run: IRun;
	/** How many times the credential was read (decrypted) during the run. */
	credentialReads: number;
}

/**
 * Executes the BigDigitalDownloads node once with the given parameters and input items.
 * @param credentials the credential's data (apiToken, baseUrl, webhookSigningSecret)
 */
export async function runActionNode(options: {
	parameters: Record<string, unknown>;
	credentials: ICredentialDataDecryptedObject;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** Node settings such as retryOnFail, maxTries, waitBetweenTries. */
	settings?: Partial<INode>;
	nodeType?: INodeType;
	/** Another id for another execution of the same workflow, as n8n's Retry or a new run. */
	executionId?: string;
}): Promise<NodeRun> {
	const executionId = options.executionId ?? 'unit-execution';
	const nodeTypes = nodeTypesOf(options.nodeType ?? new BigDigitalDownloads());
	const node = bigddNode(options.parameters, {
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...options.settings,
	});
	const workflow = oneNodeWorkflow(node, nodeTypes);
	const hooks = new ExecutionLifecycleHooks('manual', executionId, {
		id: 'unit',
		name: 'unit',
		nodes: [node],
		connections: {},
		active: false,
		settings: {},
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	let finished: IRun | undefined;
	hooks.addHandler('workflowExecuteAfter', (run) => {
		finished = run;
	});
	const credentialsHelper = new TestCredentialsHelper(options.credentials);
	const additionalData = additionalDataWith(credentialsHelper, { hooks, executionId });
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node, data: { main: [options.items ?? [{ json: {} }]] }, source: null },
			],
		},
	});
	await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(
		workflow,
	);
	const run = finished;
	if (!run) throw new Error('the workflow did not finish');
	const nodeRun = run.data.resultData.runData[node.name]?.[0];
	const error = (run.data.resultData.error ?? nodeRun?.error) as NodeRun['error'];
	return {
		items: nodeRun?.data?.main?.[0] ?? [],
		error,
		run,
		credentialReads: credentialsHelper.reads,
	};
}

/** The node as n8n's tool wrapper runs it (an AI agent's or MCP tool): routing only, no customOperations. */
export function routingOnly(): INodeType {
	const node = new BigDigitalDownloads();
	return Object.assign(Object.create(node) as INodeType, {
		customOperations: undefined,
		description: node.description,
		methods: node.methods,
	});
}

/**
 * Calls one of the node's listSearch methods the way the editor's record picker does (n8n-core's
 * LoadOptionsContext): `filter` is what the user typed, `paginationToken` comes from the previous page.
 */
export async function searchRecords(
	method: string,
	credentials: ICredentialDataDecryptedObject,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const nodeType = new BigDigitalDownloads();
	const node = bigddNode({});
	const context = new LoadOptionsContext(
		oneNodeWorkflow(node, nodeTypesOf(nodeType)),
		node,
		additionalDataWith(new TestCredentialsHelper(credentials)),
		'',
	);
	const search = nodeType.methods.listSearch[method as keyof typeof nodeType.methods.listSearch];
	return await search.call(context, filter, paginationToken);
}

/**
 * A published polling trigger as n8n runs it: one poll context per activation (n8n keeps it for every
 * poll), the node's static data on the workflow; `restart` keeps only what n8n had saved (a JSON copy).
 */
export function publishPollingTrigger(options: {
	parameters: Record<string, unknown>;
	credentials: ICredentialDataDecryptedObject;
	pollBudgetMs?: number;
}) {
	const nodeType = new BigDigitalDownloadsPollingTrigger();
	const nodeTypes = nodeTypesOf(nodeType);
	const node: INode = {
		id: 'bigdd-polling',
		name: 'New order',
		type: 'n8n-nodes-big-digital-downloads.bigDigitalDownloadsPollingTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters as INode['parameters'],
		credentials: { [CREDENTIAL_TYPE]: { id: `cred-${++credentialsUsed}`, name: 'BigDD' } },
	};
	const credentialsHelper = new TestCredentialsHelper(options.credentials);
	const additionalData = additionalDataWith(credentialsHelper);
	const activate = (staticData: IDataObject) => {
		const workflow = new Workflow({
			id: 'polling',
			nodes: [node],
			connections: {},
			nodeTypes,
			active: true,
			staticData,
			settings: { executionOrder: 'v1' },
		});
		const context = (mode: 'trigger' | 'manual') =>
			new PollContext(
				workflow,
				node,
				additionalData,
				mode,
				'activate',
				undefined,
				undefined,
				undefined,
				undefined,
				undefined,
				options.pollBudgetMs === undefined ? undefined : () => options.pollBudgetMs!,
			);
		return { workflow, context: context('trigger'), manual: () => context('manual') };
	};
	let active = activate({});
	const saved = () => JSON.parse(JSON.stringify(active.workflow.staticData)) as IDataObject;
	return {
		node,
		credentialsHelper,
		/** One scheduled poll: the orders it reported, or null. */
		poll: async () =>
			(await nodeType.poll.call(active.context))?.[0].map((item) => item.json) ?? null,
		/** Fetch Test Event in the editor. */
		fetchTestEvent: async () =>
			(await nodeType.poll.call(active.manual()))?.[0].map((item) => item.json) ?? null,
		/** What n8n would save of the node's static data. */
		saved,
		/** n8n stopped and started again (or the workflow re-published): a new context over the saved static data. */
		restart: () => {
			active = activate(saved());
		},
		/** The workflow saved with other parameters and published again: the static data stays. */
		reconfigure: (parameters: Record<string, unknown>) => {
			node.parameters = parameters as INode['parameters'];
			active = activate(saved());
		},
	};
}
