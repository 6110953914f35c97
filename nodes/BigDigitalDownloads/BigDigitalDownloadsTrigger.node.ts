import {
	NodeConnectionTypes,
	NodeOperationError,
	type IExecuteFunctions,
	type IHookFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import {
	decideDelivery,
	DEFAULT_TOLERANCE_SECONDS,
	EVENTS_SUBTITLE,
	INVALID_SIGNATURE,
	MAX_TOLERANCE_SECONDS,
	MIN_TOLERANCE_SECONDS,
	verifyWebhookRequest,
	WEBHOOK_EVENTS,
} from './BigDigitalDownloadsTriggerHelpers';
import { eventIdMemoryFor, persistEventIds, savedEventIds } from './shared/eventIdMemory';
import { verifyWithSigningSecret } from './shared/signingSecretCache';
import { CREDENTIAL_TYPE } from '../../credentials/BigDigitalDownloadsApi.credentials';

/** Publishing (and listening) without a signing secret would accept nothing: say so up front. */
async function assertSigningSecret(this: IHookFunctions): Promise<boolean> {
	const { webhookSigningSecret } = await this.getCredentials<{ webhookSigningSecret?: string }>(CREDENTIAL_TYPE);
	if (typeof webhookSigningSecret !== 'string' || webhookSigningSecret.trim() === '') {
		throw new NodeOperationError(
			this.getNode(),
			'The Big Digital Downloads credential has no Webhook Signing Secret',
			{
				description:
					'Copy the whsec_… secret BigDD showed when you added this endpoint (Settings > Webhooks) into the credential. Without it no request can be verified. Lost it? Delete the endpoint in BigDD and add it again to get a new one.',
			},
		);
	}
	return true;
}

/** The credential a cached signing secret belongs to, per workflow (undefined: always read it). */
function signingSecretKey(context: IWebhookFunctions): string | undefined {
	const credentialId = context.getNode().credentials?.[CREDENTIAL_TYPE]?.id;
	return credentialId ? `${context.getWorkflow().id ?? ''}:${credentialId}` : undefined;
}

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
			// BigDD has no API to register endpoints: the user adds the URL in BigDD's admin.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await assertSigningSecret.call(this);
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
		const request = this.getRequestObject();
		const response = this.getResponseObject();
		const options = this.getNodeParameter('options', {}) as { includeTestEvents?: boolean; toleranceSeconds?: number };
		const tolerance = Math.min(
			MAX_TOLERANCE_SECONDS,
			Math.max(MIN_TOLERANCE_SECONDS, Number(options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)),
		);
		const nowMs = Date.now();
		const verdict = await verifyWithSigningSecret({
			key: signingSecretKey(this),
			nowMs,
			readSecret: async () => {
				try {
					return (await this.getCredentials<{ webhookSigningSecret?: string }>(CREDENTIAL_TYPE)).webhookSigningSecret;
				} catch {
					return undefined; // no readable credential: fail closed, like a wrong secret
				}
			},
			verify: (secret) =>
				verifyWebhookRequest({
					secret,
					signature: request.headers['x-webhook-signature'],
					timestamp: request.headers['x-webhook-timestamp'],
					rawBody: request.rawBody,
					nowMs,
					toleranceSeconds: tolerance,
				}),
			signatureMismatch: (v) => !v.ok && v.message === INVALID_SIGNATURE,
		});
		if (!verdict.ok) {
			response.status(verdict.status).json({ error: verdict.message });
			return { noWebhookResponse: true };
		}

		const { event } = verdict;
		const listening = this.getMode() === 'manual';
		const memory = eventIdMemoryFor(this.getWorkflow().id, this.getNode().id);
		const saved = savedEventIds(this.getWorkflowStaticData('node'));
		// From the check to the claim nothing awaits: concurrent copies of one event start one run.
		const decision = decideDelivery(event, {
			selectedEvents: this.getNodeParameter('events', []) as string[],
			listening,
			includeTestEvents: options.includeTestEvents === true,
			seenBefore: (id) => memory.has(id) || saved.includes(id),
		});
		if (decision !== 'run') return { webhookResponse: { received: true, ignored: decision } };
		if (!listening) memory.claim(event.id);
		return { webhookResponse: { received: true }, workflowData: [[{ json: event }]] };
	}

	/**
	 * Runs first in every run the webhook starts, on whichever process executes it (a worker in queue
	 * mode). n8n saves the static data changed here when the run ends; changes made in webhook() are
	 * not reliably saved (see the README). Passes the event on unchanged.
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		if (this.getMode() !== 'manual') {
			const memory = eventIdMemoryFor(this.getWorkflow().id, this.getNode().id);
			for (const { json } of items) if (typeof json.id === 'string') memory.claim(json.id);
			persistEventIds(this.getWorkflowStaticData('node'), memory);
		}
		return [items];
	}
}
