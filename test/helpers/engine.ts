// Runs the action node through n8n-core's real execution engine (WorkflowExecute + RoutingNode),
// so a unit test sees the exact request n8n would send and the exact items it would output.
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createRunExecutionData, ICredentialsHelper, Workflow } from 'n8n-workflow';
import { BigDigitalDownloadsApi } from '../../credentials/BigDigitalDownloadsApi.credentials';
import { BigDigitalDownloads } from '../../nodes/BigDigitalDownloads/BigDigitalDownloads.node';

const credentialType = new BigDigitalDownloadsApi();

/** Applies the credential's generic `authenticate` block the way n8n's CredentialsHelper does. */
class TestCredentialsHelper extends ICredentialsHelper {
	/** How many times n8n or the node read (decrypted) the credential. */
	reads = 0;

	constructor(private readonly data: ICredentialDataDecryptedObject) {
		super();
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const headers: IDataObject = { ...requestOptions.headers };
		for (const [name, value] of Object.entries(credentialType.authenticate.properties.headers ?? {})) {
			headers[name] = workflow!.expression.getSimpleParameterValue(node!, value as string, 'internal', {
				$credentials: credentials,
			}) as string;
		}
		return { ...requestOptions, headers };
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
	const nodeType = options.nodeType ?? new BigDigitalDownloads();
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const node: INode = {
		id: 'bigdd-node',
		name: 'Big Digital Downloads',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters as INode['parameters'],
		credentials: { bigDigitalDownloadsApi: { id: 'cred-1', name: 'BigDD' } },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...options.settings,
	};
	const workflow = new Workflow({
		id: 'unit',
		nodes: [node],
		connections: {},
		nodeTypes,
		active: false,
		settings: { executionOrder: 'v1' },
	});
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
	const additionalData = {
		hooks,
		credentialsHelper,
		executionId,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node, data: { main: [options.items ?? [{ json: {} }]] }, source: null }] },
	});
	await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
	const run = finished;
	if (!run) throw new Error('the workflow did not finish');
	const nodeRun = run.data.resultData.runData[node.name]?.[0];
	const error = (run.data.resultData.error ?? nodeRun?.error) as NodeRun['error'];
	return { items: nodeRun?.data?.main?.[0] ?? [], error, run, credentialReads: credentialsHelper.reads };
}
