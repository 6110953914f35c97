// The trigger's webhook() with a faked IWebhookFunctions and real HMAC values (never a mocked createHmac).
import { createHmac } from 'crypto';
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { BigDigitalDownloadsTrigger } from '../../../nodes/BigDigitalDownloads/BigDigitalDownloadsTrigger.node';
import { REMEMBERED_EVENT_IDS, rememberEventId } from '../../../nodes/BigDigitalDownloads/BigDigitalDownloadsTriggerHelpers';

const SECRET = 'whsec_unit_test_secret';
const sign = (secret: string, timestamp: string, raw: string | Buffer) =>
	createHmac('sha256', secret).update(Buffer.concat([Buffer.from(`${timestamp}.`), Buffer.from(raw)])).digest('hex');
const now = () => String(Math.floor(Date.now() / 1000));

const purchase = '{"id":"evt_1","type":"digital_order.purchased","data":{"order":{"name":"#1042","price":10.0,"city":"Montr\\u00e9al","url":"https:\\/\\/x.example\\/a"}}}';

interface Call {
	raw?: string | Buffer;
	headers?: Record<string, string | undefined>;
	secret?: string;
	events?: string[];
	options?: IDataObject;
	mode?: 'manual' | 'webhook';
	staticData?: IDataObject;
}

async function deliver(call: Call = {}) {
	const raw = call.raw ?? purchase;
	const timestamp = now();
	const headers = call.headers ?? { 'x-webhook-timestamp': timestamp, 'x-webhook-signature': sign(SECRET, timestamp, raw) };
	const response = { statusCode: 200, body: undefined as unknown };
	const res = {
		status(code: number) {
			response.statusCode = code;
			return res;
		},
		json(body: unknown) {
			response.body = body;
			return res;
		},
	};
	const staticData = call.staticData ?? {};
	const context = {
		getRequestObject: () => ({ headers, rawBody: Buffer.isBuffer(raw) ? raw : Buffer.from(raw) }),
		getResponseObject: () => res,
		getNodeParameter: (name: string, fallback: unknown) =>
			({ events: call.events ?? ['digital_order.purchased'], options: call.options ?? {} })[name] ?? fallback,
		getCredentials: async () => ({ webhookSigningSecret: call.secret ?? SECRET }),
		getWorkflowStaticData: () => staticData,
		getMode: () => call.mode ?? 'webhook',
	} as unknown as IWebhookFunctions;
	const result = await new BigDigitalDownloadsTrigger().webhook.call(context);
	return { result, response, staticData };
}

const refusedWith = async (call: Call, status: number, message: string) => {
	const { result, response } = await deliver(call);
	expect(result).toEqual({ noWebhookResponse: true });
	expect(response).toEqual({ statusCode: status, body: { error: message } });
};

describe('BigDigitalDownloadsTrigger webhook()', () => {
	it('a genuine selected event starts the workflow with the event exactly as sent', async () => {
		const { result, response } = await deliver();
		expect(response.statusCode).toBe(200);
		expect(result).toEqual({ webhookResponse: { received: true }, workflowData: [[{ json: JSON.parse(purchase) }]] });
	});

	describe('the signature is over the raw bytes', () => {
		const reserialised = JSON.stringify(JSON.parse(purchase));
		const variants: [string, string][] = [
			['re-serialised (\\/ and \\u00e9 unescaped)', reserialised],
			['whitespace added', purchase.replace('{"id"', '{ "id"')],
			['keys reordered', '{"type":"digital_order.purchased","id":"evt_1","data":{"order":{"name":"#1042","price":10.0,"city":"Montr\\u00e9al","url":"https:\\/\\/x.example\\/a"}}}'],
			['10.0 written as 10', purchase.replace('"price":10.0', '"price":10')],
			['tampered', purchase.replace('#1042', '#1043')],
		];

		it.each(variants)('%s with the original signature is refused', async (_name, body) => {
			const timestamp = now();
			await refusedWith({ raw: body, headers: { 'x-webhook-timestamp': timestamp, 'x-webhook-signature': sign(SECRET, timestamp, purchase) } }, 401, 'Invalid signature');
		});

		it.each(variants)('%s is accepted when its own bytes were signed', async (_name, body) => {
			const { result } = await deliver({ raw: body });
			expect(result).toHaveProperty('workflowData');
		});

		it('non-ASCII bytes are signed as bytes', async () => {
			const raw = Buffer.from('{"id":"evt_é","type":"digital_order.purchased","data":{"city":"Montréal"}}', 'utf8');
			const { result } = await deliver({ raw });
			expect(result).toMatchObject({ workflowData: [[{ json: { id: 'evt_é', data: { city: 'Montréal' } } }]] });
		});
	});

	it.each([
		['a wrong secret', (t: string) => ({ 'x-webhook-timestamp': t, 'x-webhook-signature': sign('whsec_other', t, purchase) }), 401, 'Invalid signature'],
		['no signature header', (t: string) => ({ 'x-webhook-timestamp': t }), 401, 'Missing X-Webhook-Signature header'],
		['no timestamp header', (t: string) => ({ 'x-webhook-signature': sign(SECRET, t, purchase) }), 401, 'Missing X-Webhook-Timestamp header'],
		['a non-hex signature', (t: string) => ({ 'x-webhook-timestamp': t, 'x-webhook-signature': 'not-a-signature' }), 401, 'Malformed X-Webhook-Signature header'],
		['a truncated signature', (t: string) => ({ 'x-webhook-timestamp': t, 'x-webhook-signature': sign(SECRET, t, purchase).slice(0, 63) }), 401, 'Malformed X-Webhook-Signature header'],
		['a non-numeric timestamp', (t: string) => ({ 'x-webhook-timestamp': `${t}abc`, 'x-webhook-signature': sign(SECRET, t, purchase) }), 401, 'Malformed X-Webhook-Timestamp header'],
		['a timestamp signed with the body but sent differently', (t: string) => ({ 'x-webhook-timestamp': String(Number(t) - 1), 'x-webhook-signature': sign(SECRET, t, purchase) }), 401, 'Invalid signature'],
	])('%s is refused', async (_name, headers, status, message) => {
		await refusedWith({ headers: headers(now()) }, status, message);
	});

	it.each([
		['stale (6 minutes old)', -360],
		['from the future (6 minutes ahead)', 360],
	])('a %s timestamp, correctly signed, is refused with 400', async (_name, offset) => {
		const timestamp = String(Math.floor(Date.now() / 1000) + offset);
		await refusedWith({ headers: { 'x-webhook-timestamp': timestamp, 'x-webhook-signature': sign(SECRET, timestamp, purchase) } }, 400, 'Timestamp outside the accepted window');
	});

	it('4 minutes old is inside the default window; a tighter tolerance refuses it', async () => {
		const timestamp = String(Math.floor(Date.now() / 1000) - 240);
		const headers = { 'x-webhook-timestamp': timestamp, 'x-webhook-signature': sign(SECRET, timestamp, purchase) };
		expect((await deliver({ headers })).result).toHaveProperty('workflowData');
		await refusedWith({ headers, options: { toleranceSeconds: 60 } }, 400, 'Timestamp outside the accepted window');
	});

	it('an empty secret in the credential refuses everything (fail closed)', async () => {
		const timestamp = now();
		await refusedWith({ secret: '', headers: { 'x-webhook-timestamp': timestamp, 'x-webhook-signature': sign('', timestamp, purchase) } }, 401, 'Invalid signature');
	});

	it('a correctly signed body that is not JSON is refused with 400', async () => {
		await refusedWith({ raw: 'id=evt_1&type=x' }, 400, 'Body is not JSON');
	});

	it('a correctly signed JSON without id and type is refused with 400', async () => {
		await refusedWith({ raw: '{"hello":"world"}' }, 400, 'Body is not a BigDD event (id and type are required)');
	});

	it('uppercase hex and a sha256= prefix are accepted (same bits)', async () => {
		const timestamp = now();
		const signature = sign(SECRET, timestamp, purchase);
		for (const variant of [signature.toUpperCase(), `sha256=${signature}`]) {
			const { result } = await deliver({ headers: { 'x-webhook-timestamp': timestamp, 'x-webhook-signature': variant } });
			expect(result).toHaveProperty('workflowData');
		}
	});

	it('a genuine event of an unselected type is acknowledged and starts nothing', async () => {
		const { result, response } = await deliver({ events: ['file.downloaded'] });
		expect(response.statusCode).toBe(200);
		expect(result).toEqual({ webhookResponse: { received: true, ignored: 'notSelected' } });
	});

	it('a duplicate id (BigDD retrying) is acknowledged and starts nothing', async () => {
		const staticData: IDataObject = {};
		expect((await deliver({ staticData })).result).toHaveProperty('workflowData');
		const second = await deliver({ staticData });
		expect(second.result).toEqual({ webhookResponse: { received: true, ignored: 'duplicate' } });
		expect(staticData.recentEventIds).toEqual(['evt_1']);
	});

	describe('test events', () => {
		const testEvent = '{"id":"evt_test_1","type":"test","data":{}}';

		it('show up while the editor listens, whatever events are selected', async () => {
			const { result } = await deliver({ raw: testEvent, mode: 'manual', events: ['file.downloaded'] });
			expect(result).toMatchObject({ workflowData: [[{ json: { id: 'evt_test_1', type: 'test' } }]] });
		});

		it('are acknowledged but start nothing in production by default', async () => {
			const { result } = await deliver({ raw: testEvent });
			expect(result).toEqual({ webhookResponse: { received: true, ignored: 'testEvent' } });
		});

		it('start the published workflow with Run on Test Events', async () => {
			const { result } = await deliver({ raw: testEvent, options: { includeTestEvents: true } });
			expect(result).toHaveProperty('workflowData');
		});

		it('a real event type flagged test: true is a test event too', async () => {
			const { result } = await deliver({ raw: '{"id":"evt_2","type":"digital_order.purchased","test":true}' });
			expect(result).toEqual({ webhookResponse: { received: true, ignored: 'testEvent' } });
		});

		it('listening does not remember ids, so the same test can be sent again', async () => {
			const staticData: IDataObject = {};
			await deliver({ mode: 'manual', staticData });
			expect((await deliver({ mode: 'manual', staticData })).result).toHaveProperty('workflowData');
			expect(staticData).toEqual({});
		});
	});
});

describe('rememberEventId', () => {
	it('keeps only the most recent ids', () => {
		const store: IDataObject = {};
		for (let i = 0; i < REMEMBERED_EVENT_IDS + 5; i++) expect(rememberEventId(store, `evt_${i}`)).toBe(true);
		const ids = store.recentEventIds as string[];
		expect(ids).toHaveLength(REMEMBERED_EVENT_IDS);
		expect(ids[0]).toBe('evt_5');
		expect(rememberEventId(store, `evt_${REMEMBERED_EVENT_IDS + 4}`)).toBe(false);
		expect(rememberEventId(store, 'evt_0')).toBe(true);
	});
});

describe('publishing without a signing secret', () => {
	it('fails with a message that says exactly that', async () => {
		const hooks = new BigDigitalDownloadsTrigger().webhookMethods.default;
		const context = { getCredentials: async () => ({ webhookSigningSecret: '' }), getNode: () => ({ name: 'Trigger' }) };
		await expect(hooks.checkExists.call(context as never)).rejects.toThrow('The Big Digital Downloads credential has no Webhook Signing Secret');
		await expect(hooks.create.call(context as never)).rejects.toThrow('no Webhook Signing Secret');
		const ok = { getCredentials: async () => ({ webhookSigningSecret: SECRET }), getNode: () => ({ name: 'Trigger' }) };
		await expect(hooks.checkExists.call(ok as never)).resolves.toBe(true);
	});
});
