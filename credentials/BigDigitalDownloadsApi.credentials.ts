import type {
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
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

/**
 * The fields holding webhook signing secrets, one per BigDD endpoint: BigDD gives every endpoint its own
 * secret and every trigger node has its own URL, so a shop with several trigger workflows keeps their
 * secrets in its one credential. Separate fields rather than one list: n8n never shows a saved secret
 * again, so adding one to a list would mean typing the others again. All always shown: n8n drops the
 * value of a credential field it hides when saving, so a field shown only while the one before is
 * filled would lose its secret when that one is cleared. The first is named as in 0.1.0.
 */
export const SIGNING_SECRET_FIELDS = [
	'webhookSigningSecret',
	...Array.from({ length: 4 }, (_, i) => `webhookSigningSecret${i + 2}`),
];

/** The name a signing secret field shows: "Webhook Signing Secret", "Webhook Signing Secret 2"… */
export const signingSecretLabel = (index: number) =>
	`Webhook Signing Secret${index === 0 ? '' : ` ${index + 1}`}`;

function signingSecretField(name: string, index: number): INodeProperties {
	return {
		displayName: signingSecretLabel(index),
		name,
		type: 'string',
		typeOptions: { password: true },
		default: '',
		placeholder: 'e.g. whsec_...',
		description:
			index === 0
				? 'Needed only by the Big Digital Downloads Trigger: the whsec_… secret BigDD shows once when you add an endpoint under Settings > Webhooks. Each trigger workflow is its own endpoint with its own secret: put the next one in the next field, and keep this one credential for the shop.'
				: 'The secret of another BigDD endpoint (another trigger workflow), or the new secret while you replace one',
	};
}

/**
 * The credential Test's verdicts: an error status BigDD documents, then a success that is not BigDD's
 * list envelope (another server or a proxy's page). n8n's testers apply each rule by its own type, but
 * n8n-workflow types `rules` as a list of one type, hence the conversion.
 */
const TEST_RULES = [
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
			message:
				'No BigDD API at this Base URL. Leave it at https://islandcloud.co unless you run a local server.',
		},
	},
	{
		type: 'responseCode',
		properties: {
			value: 429,
			message: 'BigDD is rate-limiting this token right now. Wait a minute and test again.',
		},
	},
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'pagination.has_more',
			value: undefined,
			message:
				'The Base URL answered, but not like the BigDD API. Check the Base URL: https://islandcloud.co unless you run a local server.',
		},
	},
] satisfies Array<
	IAuthenticateRuleResponseCode | IAuthenticateRuleResponseSuccessBody
> as unknown as IAuthenticateRuleResponseCode[];

export class BigDigitalDownloadsApi implements ICredentialType {
	name = CREDENTIAL_TYPE;

	displayName = 'Big Digital Downloads API';

	icon: Icon = {
		light: 'file:../icons/bigDigitalDownloads.svg',
		dark: 'file:../icons/bigDigitalDownloads.dark.svg',
	};

	documentationUrl =
		'https://github.com/big-digital-downloads/n8n-nodes-big-digital-downloads#credential';

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
		...SIGNING_SECRET_FIELDS.map(signingSecretField),
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
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			baseURL: requestOptions.baseURL ?? apiRootOf(credentials.baseUrl),
			headers: {
				...requestOptions.headers,
				Authorization: `Bearer ${String(credentials.apiToken)}`,
			},
		};
	}

	// Decided by the status codes BigDD documents, whatever its error body holds. n8n 2.x shows these
	// messages; n8n 1.105–1.123 lose the status before applying them and show n8n's own words for the
	// same status ("Authorization failed…", "Forbidden…"), listed in the README's Credential section.
	test: ICredentialTestRequest = {
		request: { url: '/digital-products', qs: { limit: 1 } },
		rules: TEST_RULES,
	};
}
