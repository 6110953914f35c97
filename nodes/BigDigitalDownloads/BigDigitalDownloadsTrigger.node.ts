import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type IHookFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { CREDENTIAL_TYPE } from '../../credentials/BigDigitalDownloadsApi.credentials';
import { EVENTS_SUBTITLE, WEBHOOK_EVENTS } from './trigger/events';
import { DEFAULT_TOLERANCE_SECONDS, MAX_TOLERANCE_SECONDS, MIN_TOLERANCE_SECONDS } from './trigger/signature';
import { assertSigningSecret, receiveWebhook, rememberEventIds } from './trigger/webhook';

export class BigDigitalDownloadsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Big Digital Downloads Trigger',
		name: 'bigDigitalDownloadsTrigger',
		icon: { light: 'file:../../icons/bigDigitalDownloads.svg', dark: 'file:../../icons/bigDigitalDownloads.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: EVENTS_SUBTITLE,
		// n8n's node creator shows a trigger's description for the entry that groups it with the action
		// node, so it describes both.
		description:
			'Start workflows on Big Digital Downloads purchases, deliveries and downloads, and act on its orders, license keys and files',
		defaults: { name: 'Big Digital Downloads Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// Answer at once with the small JSON the webhook returns; BigDD wants a reply within 10 s.
				responseMode: 'onReceived',
				responseData: '',
				path: 'bigdd',
			},
		],
		triggerPanel: {
			header: 'Send a test event from BigDD',
			executionsHelp: {
				inactive:
					"To see an event here: click 'Execute step' ('Listen for test event' on n8n 1.x), then in BigDD edit this trigger's endpoint to use the Test URL and press Test (set the Production URL back afterwards). Once the workflow is published, BigDD's Test on the Production URL shows 200 in See deliveries without starting a run (Options > Run on Test Events starts one).",
				active:
					"The workflow is published: BigDD events sent to the Production URL start it. Each request is verified (signature, timestamp) before anything runs. Press Test on the endpoint in BigDD: See deliveries shows 200; a 401 means this endpoint's secret is not in the credential.",
			},
			activationHint:
				"Before publishing: add this node's Production URL as an endpoint in BigDD (Settings > Webhooks > Add endpoint) and its whsec_… secret to the credential's Webhook Signing Secrets.",
		},
		properties: [
			{
				displayName:
					"Set up in this order: 1) copy this node's Production URL (no need to publish yet); 2) in BigDD, Settings > Webhooks > Add endpoint: paste it, pick the same events, create; 3) add the whsec_… secret BigDD shows once to the credential's Webhook Signing Secrets (one credential holds the secrets of all your endpoints, separated by commas); 4) publish this workflow; 5) press Test on the endpoint in BigDD: See deliveries shows 200",
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: WEBHOOK_EVENTS,
				default: ['digital_order.purchased'],
				description: 'Events that start the workflow; others are acknowledged and ignored. Select the same ones in BigDD.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Run on Test Events',
						name: 'includeTestEvents',
						type: 'boolean',
						default: false,
						description:
							"Whether BigDD's Test button starts the published workflow too. Off: test events are acknowledged and only shown while the editor listens.",
					},
					{
						displayName: 'Timestamp Tolerance (Seconds)',
						name: 'toleranceSeconds',
						type: 'number',
						typeOptions: { minValue: MIN_TOLERANCE_SECONDS, maxValue: MAX_TOLERANCE_SECONDS },
						default: DEFAULT_TOLERANCE_SECONDS,
						description: 'Requests whose X-Webhook-Timestamp is further from now than this are refused as replays (BigDD: 300)',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			// BigDD has no API to register endpoints: the user adds the URL in BigDD's admin. So n8n is told
			// none exists, and "creating" it checks what the endpoint needs from n8n: the signing secret.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await assertSigningSecret.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook.call(this);
	}

	/** Remembers the event id where n8n saves it (see rememberEventIds); passes the event on. */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await rememberEventIds.call(this);
	}
}
