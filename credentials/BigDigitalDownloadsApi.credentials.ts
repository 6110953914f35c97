import type {
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/** The credential type's name, as both nodes and saved workflows refer to it. */
export const CREDENTIAL_TYPE = 'bigDigitalDownloadsApi';
const DEFAULT_BASE_URL = 'https://islandcloud.co';
const API_PATH = '/public-api/v1';

/** The API root from the credential's base URL; a trailing slash in the URL is tolerated. */
function apiRootOf(baseUrl: unknown): string {
	return `${String(baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '')}${API_PATH}`;
}

export class BigDigitalDownloadsApi implements ICredentialType {
	name = CREDENTIAL_TYPE;

	displayName = 'Big Digital Downloads API';

	icon: Icon = {
		light: 'file:../icons/bigDigitalDownloads.svg',
		dark: 'file:../icons/bigDigitalDownloads.dark.svg',
	};

	documentationUrl =
		'https://github.com/big-digital-downloads/n8n-nodes-big-digital-downloads#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Generate it in the Big Digital Downloads app under Settings > Public API. It is shown only once.',
		},
		{
			displayName: 'Webhook Signing Secret',
			name: 'webhookSigningSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'e.g. whsec_...',
			description:
				'Needed only by the Big Digital Downloads Trigger. BigDD shows it once, when you add the endpoint under Settings > Webhooks.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description: 'Change only to reach a local or staging BigDD server',
		},
	];

	/**
	 * Every request the nodes send gets the token and, unless it names one, the credential's API root as
	 * its base URL. A function, not n8n's generic block or an expression in the node's requestDefaults:
	 * n8n evaluates those expressions for every request, and its routing twice per item (docs/n8n-routing-cost-per-item.md).
	 */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			baseURL: requestOptions.baseURL ?? apiRootOf(credentials.baseUrl),
			headers: { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.apiToken)}` },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			url: '/digital-products',
			qs: { limit: 1 },
			// Every answer reaches the rules below, so n8n 1.x shows these messages too: n8n 1.105–1.123
			// lose the status of a failed test request before applying `responseCode` rules.
			ignoreHttpStatusErrors: true,
		},
		// In order; the first whose key holds the value decides. BigDD answers errors as
		// `{ error: { status, code, message } }`.
		rules: [
			{
				type: 'responseSuccessBody',
				properties: { key: 'error.status', value: 401, message: 'The API token was refused. Copy a valid token from Settings > Public API.' },
			},
			{
				type: 'responseSuccessBody',
				properties: { key: 'error.status', value: 403, message: 'The shop is inactive or its plan is below Growth, which the Public API needs.' },
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error.status',
					value: 404,
					message: 'No BigDD API at this Base URL. Leave it at https://islandcloud.co unless you run a local server.',
				},
			},
			{
				// Anything else without BigDD's list envelope (another server, an error page) is not the BigDD API.
				type: 'responseSuccessBody',
				properties: {
					key: 'pagination.has_more',
					value: undefined,
					message:
						'The Base URL answered, but not like the BigDD API. Check the Base URL (https://islandcloud.co unless you run a local server) and the API token.',
				},
			},
		],
	};
}
