// Calls the BigDD trigger's webhook() the way n8n does, with a faked IWebhookFunctions and real HMAC
// values (never a mocked createHmac): for the trigger's unit tests.
import { createHmac } from 'crypto';
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { BigDigitalDownloadsTrigger } from '../../nodes/BigDigitalDownloads/BigDigitalDownloadsTrigger.node';
import { CREDENTIAL_TYPE } from '../../credentials/BigDigitalDownloadsApi.credentials';

export const SECRET = 'whsec_unit_test_secret';
export const sign = (secret: string, timestamp: string, raw: string | Buffer) =>
	createHmac('sha256', secret)
		.update(Buffer.concat([Buffer.from(`${timestamp}.`), Buffer.from(raw)]))
		.digest('hex');
export const now = () => String(Math.floor(Date.now() / 1000));

export const eventBody = (id: string) =>
	JSON.stringify({ id, type: 'digital_order.purchased', data: {} });
export const shuffled = <T>(values: T[]) =>
	values
		.map((v) => [Math.random(), v] as const)
		.sort((a, b) => a[0] - b[0])
		.map(([, v]) => v);

export const purchase =
	'{"id":"evt_1","type":"digital_order.purchased","data":{"order":{"name":"#1042","price":10.0,"city":"Montr\\u00e9al","url":"https:\\/\\/x.example\\/a"}}}';

export interface Call {
	raw?: string | Buffer;
	headers?: Record<string, string | undefined>;
	secret?: string;
	/** The credential's other signing secret fields (webhookSigningSecret2…). */
	fields?: Record<string, string>;
	events?: string[];
	options?: IDataObject;
	mode?: 'manual' | 'webhook';
	staticData?: IDataObject;
	/** One n8n process remembers per workflow: tests that share a workflow id share that memory. */
	workflowId?: string;
	credentialId?: string;
	onCredentialRead?: () => void;
}

let workflowCounter = 0;
export const freshWorkflowId = () => `wf_${++workflowCounter}`;
export const triggerNode = (credentialId = 'cred_1') => ({
	id: 'trigger-node',
	name: 'BigDD Trigger',
	credentials: { [CREDENTIAL_TYPE]: { id: credentialId, name: 'BigDD' } },
});

export async function deliver(call: Call = {}) {
	const raw = call.raw ?? purchase;
	const timestamp = now();
	const headers = call.headers ?? {
		'x-webhook-timestamp': timestamp,
		'x-webhook-signature': sign(SECRET, timestamp, raw),
	};
	const response = { statusCode: 200, body: undefined as unknown };
	// Express's response: it tells its listeners when n8n's answer went out ('finish') or the connection closed.
	const listeners: { event: string; listener: () => void }[] = [];
	const res = {
		once(event: string, listener: () => void) {
			listeners.push({ event, listener });
			return res;
		},
		emit(event: string) {
			for (const entry of listeners.filter((l) => l.event === event)) {
				listeners.splice(listeners.indexOf(entry), 1);
				entry.listener();
			}
		},
		statusCode: 200,
		writableFinished: false,
		status(code: number) {
			response.statusCode = code;
			return res;
		},
		json(body: unknown) {
			response.body = body;
			return res;
		},
	};
	/** What n8n does after webhook() returned: answers with `status` (500 when the run could not start), or the connection drops. */
	const answer = (status: number | 'dropped') => {
		if (status !== 'dropped') {
			res.statusCode = status;
			res.writableFinished = true;
			res.emit('finish');
		}
		res.emit('close');
	};
	const staticData = call.staticData ?? {};
	const workflowId = call.workflowId ?? freshWorkflowId();
	const context = {
		getRequestObject: () => ({ headers, rawBody: Buffer.isBuffer(raw) ? raw : Buffer.from(raw) }),
		getResponseObject: () => res,
		getNodeParameter: (name: string, fallback: unknown) =>
			({ events: call.events ?? ['digital_order.purchased'], options: call.options ?? {} })[name] ??
			fallback,
		getCredentials: async () => {
			call.onCredentialRead?.();
			return { webhookSigningSecret: call.secret ?? SECRET, ...call.fields };
		},
		getWorkflowStaticData: () => staticData,
		getMode: () => call.mode ?? 'webhook',
		getWorkflow: () => ({ id: workflowId, active: true }),
		getNode: () => triggerNode(call.credentialId),
	} as unknown as IWebhookFunctions;
	const result = await new BigDigitalDownloadsTrigger().webhook.call(context);
	return { result, response, staticData, answer };
}

export const refusedWith = async (call: Call, status: number, message: string) => {
	const { result, response } = await deliver(call);
	expect(result).toEqual({ noWebhookResponse: true });
	expect(response).toEqual({ statusCode: status, body: { error: message } });
};
