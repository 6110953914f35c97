// The trigger inside a running real n8n 2.41.1 (`n8n start`, published workflows, real HTTP), fed by
// the local server's signed-webhook sender. Executions are read back through n8n's public API.
import { triggerWorkflow, TRIGGER_NAME } from '../../harness/workflows';
import { buildEvent, deliverWebhook, EVENT_TYPES } from '../../dev-server/webhooks';
import {
	BURST,
	deliveryHelpers,
	deliveryWorkflows,
	describeExactlyOnce,
	SEQUENCE,
	SIGNING_SECRET as SECRET,
	type Execution,
} from './scenarios/triggerDelivery';
import { useN8nWithBigdd, type Bigdd, type N8n } from './fixture';

const ALL = { id: 'bigddTrigAllEvts', webhookId: 'bigdd-all-events' };
const ONE = { id: 'bigddTrigDownlds', webhookId: 'bigdd-downloads' };
const NO_SECRET = { id: 'bigddTrigNoSecrt', webhookId: 'bigdd-no-secret' };

describe('trigger in real n8n', () => {
	const setup = useN8nWithBigdd({
		bigdd: { orders: 30, products: 10, files: 60, licenseKeys: 10 },
		credentialId: 'bigddTrigSecret1',
		webhookSigningSecret: SECRET,
		moreCredentials: [{ id: 'bigddTrigNoSecr1' }],
		workflows: () => [
			triggerWorkflow({ ...ALL, credentialId: 'bigddTrigSecret1', events: [...EVENT_TYPES] }),
			triggerWorkflow({ ...ONE, credentialId: 'bigddTrigSecret1', events: ['file.downloaded'] }),
			triggerWorkflow({
				...NO_SECRET,
				credentialId: 'bigddTrigNoSecr1',
				events: ['file.downloaded'],
			}),
			...deliveryWorkflows('bigddTrigSecret1'),
		],
		// NO_SECRET is published from the test through the editor's REST call, to read the outcome.
		publish: [ALL.id, ONE.id, SEQUENCE.id, BURST.id],
		start: false,
	});
	let bigdd: Bigdd;
	let n8n: N8n;
	const url = (webhookId: string, kind = 'webhook') => `${n8n.baseUrl}/${kind}/${webhookId}/bigdd`;
	const startAndWait = async () => {
		await n8n.start();
		for (const { webhookId } of [ALL, ONE, SEQUENCE, BURST])
			await n8n.waitForWebhook(`${webhookId}/bigdd`);
	};
	const target = () => ({
		webhookUrl: url,
		waitForExecutions: n8n.waitForExecutions,
		shop: bigdd.server.shop,
		restart: async () => {
			await n8n.stop();
			await startAndWait();
		},
	});
	const { send, eventsRun, settle } = deliveryHelpers(target);

	beforeAll(async () => {
		bigdd = setup.bigdd();
		n8n = setup.n8n();
		await startAndWait();
	});

	const sentEvents: { id: string; type: string }[] = [];

	it('each of the 4 events starts exactly one execution with the event as sent', async () => {
		for (const [i, type] of EVENT_TYPES.entries()) {
			const event = buildEvent(bigdd.server.shop, type, { id: `evt_e2e_${i}`, orderIndex: i });
			const response = await send(ALL.webhookId, event);
			expect({ status: response.status, body: JSON.parse(response.body) }).toEqual({
				status: 200,
				body: { received: true },
			});
			sentEvents.push(event);
		}
		const events = await eventsRun(ALL.id, 4);
		expect(events).toHaveLength(4);
		expect([...events].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
			JSON.parse(JSON.stringify(sentEvents)),
		);
	});

	it('every bad request gets its status and starts nothing', async () => {
		const event = buildEvent(bigdd.server.shop, 'digital_order.purchased', { id: 'evt_bad' });
		const raw = JSON.stringify(event);
		const nowSeconds = Math.floor(Date.now() / 1000);
		const cases: [string, Record<string, unknown>, number, string][] = [
			['wrong secret', { secret: 'whsec_wrong' }, 401, 'Invalid signature'],
			[
				'tampered body',
				{ rawBody: raw.replace('evt_bad', 'evt_bag'), signedBody: raw },
				401,
				'Invalid signature',
			],
			[
				'missing signature',
				{ omitHeaders: ['X-Webhook-Signature'] },
				401,
				'Missing X-Webhook-Signature header',
			],
			[
				'missing timestamp',
				{ omitHeaders: ['X-Webhook-Timestamp'] },
				401,
				'Missing X-Webhook-Timestamp header',
			],
			['malformed signature', { signature: 'abc' }, 401, 'Malformed X-Webhook-Signature header'],
			[
				'non-numeric timestamp',
				{ timestamp: 'yesterday' },
				401,
				'Malformed X-Webhook-Timestamp header',
			],
			[
				'stale timestamp',
				{ timestamp: nowSeconds - 400 },
				400,
				'Timestamp outside the accepted window',
			],
			[
				'future timestamp',
				{ timestamp: nowSeconds + 400 },
				400,
				'Timestamp outside the accepted window',
			],
		];
		for (const [name, options, status, message] of cases) {
			const response = await deliverWebhook({
				url: url(ALL.webhookId),
				secret: SECRET,
				event,
				...options,
			});
			expect({ name, status: response.status, body: JSON.parse(response.body) }).toEqual({
				name,
				status,
				body: { error: message },
			});
			expect(response.body).not.toContain(SECRET);
		}
		// Malformed JSON sent as application/json never reaches the node: n8n's body parser answers 422.
		const notJson = await deliverWebhook({
			url: url(ALL.webhookId),
			secret: SECRET,
			rawBody: '{"id": not json',
		});
		expect(notJson.status).toBe(422);
		const events = await settle(ALL.id, ALL.webhookId, 4);
		expect(events).toHaveLength(5);
		expect(events.map((e) => e.id)).not.toContain('evt_bad');
	});

	it('a genuine event of an unselected type: 200 and nothing runs', async () => {
		const event = buildEvent(bigdd.server.shop, 'digital_order.purchased', {
			id: 'evt_unselected',
		});
		const response = await send(ONE.webhookId, event);
		expect({ status: response.status, body: JSON.parse(response.body) }).toEqual({
			status: 200,
			body: { received: true, ignored: 'notSelected' },
		});
		const events = await settle(ONE.id, ONE.webhookId, 0);
		expect(events).toHaveLength(1);
		expect(events[0].id).toMatch(/^evt_sentinel_/);
	});

	it('a duplicate of an earlier event: 200, ignored, still one execution', async () => {
		const again = await send(ALL.webhookId, sentEvents[1]);
		expect({ status: again.status, body: JSON.parse(again.body) }).toEqual({
			status: 200,
			body: { received: true, ignored: 'duplicate' },
		});
		const events = await settle(ALL.id, ALL.webhookId, 5);
		expect(events.filter((e) => e.id === sentEvents[1].id)).toHaveLength(1);
	});

	describeExactlyOnce(target);

	it("listen for test event: BigDD's Test button shows up in the editor, and the same test event again next time", async () => {
		const testEvent = buildEvent(bigdd.server.shop, 'test', { id: 'evt_test_button' });
		const manualBefore = (await n8n.executions(ONE.id)).filter((e) => e.mode === 'manual').length;
		for (let time = 1; time <= 2; time++) {
			const listening = await n8n.runManually(ONE.id, TRIGGER_NAME);
			expect(listening).toEqual({ status: 200, body: { data: { waitingForWebhook: true } } });
			const response = await deliverWebhook({
				url: url(ONE.webhookId, 'webhook-test'),
				secret: SECRET,
				event: testEvent,
			});
			expect({ time, status: response.status, body: JSON.parse(response.body) }).toEqual({
				time,
				status: 200,
				body: { received: true },
			});
			const manual = (await n8n.waitForExecutions(
				ONE.id,
				manualBefore + time,
				30_000,
				(e) => e.mode === 'manual',
			)) as Execution[];
			expect(
				manual.map((e) => e.data.resultData.runData[TRIGGER_NAME][0].data.main[0][0].json),
			).toEqual(Array(manualBefore + time).fill(JSON.parse(JSON.stringify(testEvent))));
		}
	});

	it('a test event sent to the production URL is acknowledged and starts nothing', async () => {
		const response = await send(
			ALL.webhookId,
			buildEvent(bigdd.server.shop, 'test', { id: 'evt_test_prod' }),
		);
		expect(JSON.parse(response.body)).toEqual({ received: true, ignored: 'testEvent' });
		const events = await settle(ALL.id, ALL.webhookId, 6);
		expect(events.map((e) => e.id)).not.toContain('evt_test_prod');
	});

	it('without a signing secret: publishing fails saying exactly why, the URL is never served, listening is refused', async () => {
		const rest = await n8n.login();
		const { versionId } = (await rest('GET', `/rest/workflows/${NO_SECRET.id}`)).body.data;
		expect(
			(await rest('POST', `/rest/workflows/${NO_SECRET.id}/activate`, { versionId })).status,
		).toBe(200);
		expect(await n8n.publicationStatus(NO_SECRET.id)).toMatchObject({
			status: 'failed',
			triggers: [
				{
					nodeId: 'trigger',
					status: 'failed',
					errorMessage: 'The Big Digital Downloads credential has no Webhook Signing Secret',
				},
			],
		});
		const event = buildEvent(bigdd.server.shop, 'file.downloaded', { id: 'evt_no_secret' });
		expect((await send(NO_SECRET.webhookId, event)).status).toBe(404);
		const listening = await n8n.runManually(NO_SECRET.id, TRIGGER_NAME);
		expect(listening.body.message).toBe(
			'The Big Digital Downloads credential has no Webhook Signing Secret',
		);
		expect(await n8n.executions(NO_SECRET.id)).toHaveLength(0);
	});
});
