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
					"Click 'Execute step' ('Listen for test event' on n8n 1.x), then in BigDD open Settings > Webhooks, edit the endpoint with this node's Test URL and press Test. A correctly signed test event appears here, which proves the URL, HTTPS and secret. Publish the workflow and use the Production URL for real events.",
				active:
					'The workflow is published: BigDD events sent to the Production URL start it. Each request is verified (signature, timestamp) before anything runs.',
			},
			activationHint:
				'Publish the workflow, then add its Production URL as an endpoint in BigDD (Settings > Webhooks > Add endpoint).',
		},
		properties: [
			{
				displayName:
					"BigDD registers endpoints only in its admin: in Settings > Webhooks > Add endpoint paste this node's Production URL (it must be HTTPS), pick the same events, create it, and copy the whsec_… signing secret (shown once) into the credential",
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
