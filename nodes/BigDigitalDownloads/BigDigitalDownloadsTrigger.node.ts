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
import {
	DEFAULT_TOLERANCE_SECONDS,
	MAX_TOLERANCE_SECONDS,
	MIN_TOLERANCE_SECONDS,
} from './trigger/signature';
import { assertSigningSecret, receiveWebhook, rememberEventIds } from './trigger/webhook';

export class BigDigitalDownloadsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Big Digital Downloads Trigger',
		name: 'bigDigitalDownloadsTrigger',
		icon: {
			light: 'file:../../icons/bigDigitalDownloads.svg',
			dark: 'file:../../icons/bigDigitalDownloads.dark.svg',
		},
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
					"Click 'Execute step' ('Listen for test event' on n8n 1.x), then press Test on this trigger's endpoint in BigDD (Settings > Webhooks): while the endpoint has this node's Test URL, the test event appears here. To go live, give the endpoint the Production URL and publish.",
				active:
					"The workflow is published: BigDD events sent to the Production URL start it. Each request is verified (signature, timestamp) before anything runs. Press Test on the endpoint in BigDD: See deliveries shows 200; a 401 means this endpoint's secret is not in the credential.",
			},
			activationHint:
				"Before publishing: this node's Production URL must be the endpoint's URL in BigDD, and the endpoint's whsec_… secret in a Webhook Signing Secret field of the credential.",
		},
		properties: [
			{
				displayName:
					"Set up in this order: 1) copy this node's Test URL (Webhook URLs above); 2) in BigDD, Settings > Webhooks > Add endpoint: paste it, pick the same events, create; 3) put the whsec_… secret BigDD shows once in the credential's next empty Webhook Signing Secret field (one credential holds the secrets of all your endpoints); 4) click Execute step, press Test on the endpoint in BigDD: the test event appears here; 5) in BigDD change the endpoint's URL to the Production URL, publish this workflow, press Test again: See deliveries shows 200",
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
				description:
					'Events that start the workflow; others are acknowledged and ignored. Select the same ones in BigDD.',
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
						description:
							'Requests whose X-Webhook-Timestamp is further from now than this are refused as replays (BigDD: 300)',
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
