// What the trigger does with each request (webhook()), each run it started (execute()) and at publish.
import { NodeOperationError } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { CREDENTIAL_TYPE } from '../../../credentials/BigDigitalDownloadsApi.credentials';
import { decideDelivery } from './delivery';
import {
	eventIdMemoryFor,
	persistEventIds,
	REMEMBERED_EVENT_IDS,
	savedEventIds,
} from './eventIdMemory';
import {
	DEFAULT_TOLERANCE_SECONDS,
	INVALID_SIGNATURE,
	MAX_TOLERANCE_SECONDS,
	MIN_TOLERANCE_SECONDS,
	verifyWebhookRequest,
} from './signature';
import { verifyWithSigningSecret } from './signingSecretCache';
import { parseSigningSecrets, signingSecretFields } from './signingSecrets';

/**
 * Publishing (and listening) with no valid signing secret would accept nothing: say so up front, with
 * what to do. The same check refuses every request while the credential stays that way.
 */
export async function assertSigningSecret(this: IHookFunctions): Promise<boolean> {
	const parsed = parseSigningSecrets(
		signingSecretFields(await this.getCredentials(CREDENTIAL_TYPE)),
	);
	if ('problem' in parsed) {
		throw new NodeOperationError(this.getNode(), parsed.problem, {
			description:
				"Put the whsec_… secret BigDD showed when you added this trigger's endpoint (Settings > Webhooks) in a Webhook Signing Secret field of the credential (the next empty one: the others hold your other endpoints' secrets). Lost it? Delete the endpoint in BigDD and add it again to get a new one.",
		});
	}
	return true;
}

/** The credential a cached signing secret belongs to, per workflow (undefined: always read it). */
function signingSecretKey(context: IWebhookFunctions): string | undefined {
	const credentialId = context.getNode().credentials?.[CREDENTIAL_TYPE]?.id;
	return credentialId ? `${context.getWorkflow().id ?? ''}:${credentialId}` : undefined;
}

/**
 * One BigDD request: verified (signature, timestamp) before anything else, refused with 400/401 and no
 * run when it fails; then run only for a selected, new event (or a test event while listening).
 */
export async function receiveWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = this.getRequestObject();
	const response = this.getResponseObject();
	const options = this.getNodeParameter('options', {}) as {
		includeTestEvents?: boolean;
		toleranceSeconds?: number;
	};
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
				return signingSecretFields(await this.getCredentials(CREDENTIAL_TYPE));
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
	if (!listening) {
		memory.claim(event.id);
		releaseIfRunNeverStarts(response, () => memory.release(event.id));
	}
	return { webhookResponse: { received: true }, workflowData: [[{ json: event }]] };
}

/**
 * n8n 2.41+ answers this request only after it has started the run; when starting fails (its database
 * or, in queue mode, Redis unavailable) BigDD gets a 5xx, or the connection closes without an answer.
 * BigDD then retries the event, and the retry must run: the claim is released. (n8n 1.x answers before
 * starting the run, so a failed start there is invisible to BigDD and to the node.)
 */
function releaseIfRunNeverStarts(
	response: ReturnType<IWebhookFunctions['getResponseObject']>,
	release: () => void,
): void {
	response.once('finish', () => {
		if (response.statusCode >= 500) release();
	});
	response.once('close', () => {
		if (!response.writableFinished) release();
	});
}

/**
 * The first step of every run the webhook starts, on whichever process executes it (a worker in
 * queue mode): n8n saves the static data changed here when the run ends, while changes made in
 * webhook() are not reliably saved (docs/n8n-webhook-static-data.md). The event passes on unless
 * n8n's record of processed ids, in its database and so shared by every process, shows another
 * process already ran it: then the run stops here, before any node after the trigger.
 */
export async function rememberEventIds(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	if (this.getMode() === 'manual') return [items];
	const ids = items.map(({ json }) => json.id).filter((id): id is string => typeof id === 'string');
	const memory = eventIdMemoryFor(this.getWorkflow().id, this.getNode().id);
	for (const id of ids) memory.claim(id);
	persistEventIds(this.getWorkflowStaticData('node'), memory);
	const ranElsewhere = await idsRunByAnotherProcess(this, ids);
	return [items.filter(({ json }) => !ranElsewhere.has(json.id as string))];
}

/**
 * Records `ids` in n8n's processed-data table (the deduplication helpers, scope of this node) and
 * returns those another process recorded first. n8n reads and then writes that record, so two
 * processes at the same moment can still both pass (docs/how-it-works.md). If the record cannot be
 * used, once retried (a concurrent first record of the node fails on the table's key), the run goes
 * on: this process's own memory has already refused the duplicates it knows of.
 */
async function idsRunByAnotherProcess(
	context: IExecuteFunctions,
	ids: string[],
): Promise<Set<string>> {
	if (ids.length === 0) return new Set();
	let failure: unknown;
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const { processed } = await context.helpers.checkProcessedAndRecord(ids, 'node', {
				mode: 'entries',
				maxEntries: REMEMBERED_EVENT_IDS,
			});
			return new Set(processed.map(String));
		} catch (error) {
			failure = error;
		}
	}
	context.logger.warn(
		`BigDD trigger: n8n's record of processed event ids could not be used (${String(failure)}); duplicates are refused per process only`,
	);
	return new Set();
}
