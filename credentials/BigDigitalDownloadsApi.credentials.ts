import type {
	IAuthenticateGeneric,
	IAuthenticateRuleResponseCode,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/** The credential type's name, as both nodes and saved workflows refer to it. */
export const CREDENTIAL_TYPE = 'bigDigitalDownloadsApi';
export const DEFAULT_BASE_URL = 'https://islandcloud.co';
export const API_PATH = '/public-api/v1';

/** The API root from the credential's base URL; a trailing slash in the URL is tolerated. */
export const API_ROOT_EXPRESSION = `={{ $credentials.baseUrl.replace(/\\/+$/, "") }}${API_PATH}`;

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

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiToken}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: API_ROOT_EXPRESSION,
			url: '/digital-products',
			qs: { limit: 1 },
		},
		// n8n's credential tester applies both kinds of rule; its type only lets one kind be listed.
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'The API token was refused. Copy a valid token from Settings > Public API.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'The shop is inactive or its plan is below Growth, which the Public API needs.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'No BigDD API at this Base URL. Leave it at https://islandcloud.co unless you run a local server.',
				},
			},
			{
				// Anything that answers 200 without BigDD's list envelope is not the BigDD API.
				type: 'responseSuccessBody',
				properties: {
					key: 'pagination.has_more',
					value: undefined,
					message: 'The Base URL answered, but not like the BigDD API. Check the Base URL.',
				},
			},
		] as unknown as IAuthenticateRuleResponseCode[],
	};
}
