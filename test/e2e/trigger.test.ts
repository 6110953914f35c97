// The trigger inside a running real n8n 2.41.1 (`n8n start`, published workflows, real HTTP), fed by
// the local server's signed-webhook sender. Executions are read back through n8n's public API.
import { startBigdd } from '../harness/bigdd';
import { e2eTarball } from '../harness/e2e-env';
import { createN8n } from '../harness/n8n';
import { bigddCredential, triggerWorkflow, TRIGGER_NAME } from '../harness/workflows';
import { buildEvent, deliverWebhook, EVENT_TYPES } from '../../dev-server/webhooks';

type N8n = Awaited<ReturnType<typeof createN8n>>;
interface Execution {
	mode: string;
	data: { resultData: { runData: Record<string, { data: { main: { json: { id: string; type: string } }[][] } }[]> } };
}

const SECRET = 'whsec_example_e2e_signing_secret';
const ALL = { id: 'bigddTrigAllEvts', webhookId: 'bigdd-all-events' };
const ONE = { id: 'bigddTrigDownlds', webhookId: 'bigdd-downloads' };
const NO_SECRET = { id: 'bigddTrigNoSecrt', webhookId: 'bigdd-no-secret' };
const SEQUENCE = { id: 'bigddTrigSequenc', webhookId: 'bigdd-sequence' };
const BURST = { id: 'bigddTrigBurst01', webhookId: 'bigdd-burst' };
/** Generous: under a burst on 2 cores n8n may answer slowly; these tests are about what runs, not speed. */
const SLOW_ANSWER_MS = 120_000;

const shuffled = <T>(values: T[]) => values.map((v) => [Math.random(), v] as const).sort((a, b) => a[0] - b[0]).map(([, v]) => v);

/** Runs the tasks with at most `senders` in flight, like that many concurrent webhook senders. */
async function sendConcurrently<T>(tasks: (() => Promise<T>)[], senders: number): Promise<T[]> {
	const results: T[] = new Array(tasks.length);
	let next = 0;
	await Promise.all(
		Array.from({ length: senders }, async () => {
			while (next < tasks.length) {
				const index = next++;
				results[index] = await tasks[index]();
			}
		}),
	);
	return results;
}

describe('trigger in real n8n', () => {
	let bigdd: Awaited<ReturnType<typeof startBigdd>>;
	let n8n: N8n;
	const url = (webhookId: string, kind = 'webhook') => `${n8n.baseUrl}/${kind}/${webhookId}/bigdd`;
	const send = async (webhookId: string, event: object, options: Record<string, unknown> = {}) =>
		await deliverWebhook({ url: url(webhookId), secret: SECRET, event, ...options });
	const eventsRun = async (workflowId: string, count: number) =>
		((await n8n.waitForExecutions(workflowId, count)) as Execution[]).map((e) => e.data.resultData.runData[TRIGGER_NAME][0].data.main[0][0].json);
	let sentinel = 0;
	/** Sends a fresh genuine event and waits for its execution: everything sent before it has been handled. */
	const settle = async (workflowId: string, webhookId: string, expectedBefore: number, type = 'file.downloaded') => {
		const event = buildEvent(bigdd.server.shop, type, { id: `evt_sentinel_${++sentinel}` });
		expect((await send(webhookId, event)).status).toBe(200);
		const events = await eventsRun(workflowId, expectedBefore + 1);
		expect(events.map((e) => e.id)).toContain(event.id);
		return events;
	};

	const startAndWait = async () => {
		await n8n.start();
		for (const { webhookId } of [ALL, ONE, SEQUENCE, BURST]) await n8n.waitForWebhook(`${webhookId}/bigdd`);
	};

	beforeAll(async () => {
		bigdd = await startBigdd({ orders: 30, products: 10, files: 60, licenseKeys: 10 });
		n8n = await createN8n({ tarball: e2eTarball() });
		await n8n.importCredentials([
			bigddCredential({ id: 'bigddTrigSecret1', baseUrl: bigdd.url, apiToken: bigdd.server.token, webhookSigningSecret: SECRET }),
			bigddCredential({ id: 'bigddTrigNoSecr1', baseUrl: bigdd.url, apiToken: bigdd.server.token }),
		]);
		await n8n.importWorkflows([
			triggerWorkflow({ ...ALL, credentialId: 'bigddTrigSecret1', events: [...EVENT_TYPES] }),
			triggerWorkflow({ ...ONE, credentialId: 'bigddTrigSecret1', events: ['file.downloaded'] }),
			triggerWorkflow({ ...NO_SECRET, credentialId: 'bigddTrigNoSecr1', events: ['file.downloaded'] }),
			triggerWorkflow({ ...SEQUENCE, credentialId: 'bigddTrigSecret1', events: [...EVENT_TYPES] }),
			triggerWorkflow({ ...BURST, credentialId: 'bigddTrigSecret1', events: [...EVENT_TYPES] }),
		]);
		// NO_SECRET is published from the test through the editor's REST call, to read the outcome.
		for (const workflow of [ALL, ONE, SEQUENCE, BURST]) await n8n.publish(workflow.id);
		await startAndWait();
	});

	afterAll(async () => {
		await n8n?.dispose();
		await bigdd?.server.stop();
	});

	const sentEvents: { id: string; type: string }[] = [];

	it('each of the 4 events starts exactly one execution with the event as sent', async () => {
		for (const [i, type] of EVENT_TYPES.entries()) {
			const event = buildEvent(bigdd.server.shop, type, { id: `evt_e2e_${i}`, orderIndex: i });
			const response = await send(ALL.webhookId, event);
			expect({ status: response.status, body: JSON.parse(response.body) }).toEqual({ status: 200, body: { received: true } });
			sentEvents.push(event);
		}
		const events = await eventsRun(ALL.id, 4);
		expect(events).toHaveLength(4);
		expect([...events].sort((a, b) => a.id.localeCompare(b.id))).toEqual(JSON.parse(JSON.stringify(sentEvents)));
	});

	it('every bad request gets its status and starts nothing', async () => {
		const event = buildEvent(bigdd.server.shop, 'digital_order.purchased', { id: 'evt_bad' });
		const raw = JSON.stringify(event);
		const nowSeconds = Math.floor(Date.now() / 1000);
		const cases: [string, Record<string, unknown>, number, string][] = [
			['wrong secret', { secret: 'whsec_wrong' }, 401, 'Invalid signature'],
			['tampered body', { rawBody: raw.replace('evt_bad', 'evt_bag'), signedBody: raw }, 401, 'Invalid signature'],
			['missing signature', { omitHeaders: ['X-Webhook-Signature'] }, 401, 'Missing X-Webhook-Signature header'],
			['missing timestamp', { omitHeaders: ['X-Webhook-Timestamp'] }, 401, 'Missing X-Webhook-Timestamp header'],
			['malformed signature', { signature: 'abc' }, 401, 'Malformed X-Webhook-Signature header'],
			['non-numeric timestamp', { timestamp: 'yesterday' }, 401, 'Malformed X-Webhook-Timestamp header'],
			['stale timestamp', { timestamp: nowSeconds - 400 }, 400, 'Timestamp outside the accepted window'],
			['future timestamp', { timestamp: nowSeconds + 400 }, 400, 'Timestamp outside the accepted window'],
		];
		for (const [name, options, status, message] of cases) {
			const response = await deliverWebhook({ url: url(ALL.webhookId), secret: SECRET, event, ...options });
			expect({ name, status: response.status, body: JSON.parse(response.body) }).toEqual({ name, status, body: { error: message } });
			expect(response.body).not.toContain(SECRET);
		}
		// Malformed JSON sent as application/json never reaches the node: n8n's body parser answers 422.
		const notJson = await deliverWebhook({ url: url(ALL.webhookId), secret: SECRET, rawBody: '{"id": not json' });
		expect(notJson.status).toBe(422);
		const events = await settle(ALL.id, ALL.webhookId, 4);
		expect(events).toHaveLength(5);
		expect(events.map((e) => e.id)).not.toContain('evt_bad');
	});

	it('a genuine event of an unselected type: 200 and nothing runs', async () => {
		const event = buildEvent(bigdd.server.shop, 'digital_order.purchased', { id: 'evt_unselected' });
		const response = await send(ONE.webhookId, event);
		expect({ status: response.status, body: JSON.parse(response.body) }).toEqual({ status: 200, body: { received: true, ignored: 'notSelected' } });
		const events = await settle(ONE.id, ONE.webhookId, 0);
		expect(events.map((e) => e.id)).toEqual([`evt_sentinel_${sentinel}`]);
	});

	describe('exactly once: BigDD retries never run a workflow twice', () => {
		// BigDD sends a retry with the same id (and a fresh timestamp and signature).
		const numbered = (prefix: string, count: number) => () =>
			Array.from({ length: count }, (_, i) => buildEvent(bigdd.server.shop, EVENT_TYPES[i % EVENT_TYPES.length], { id: `${prefix}_${i}`, orderIndex: i }));
		const sequenceEvents = numbered('evt_seq', 50);
		const burstEvents = numbered('evt_burst', 100);
		const burstIds = Array.from({ length: 100 }, (_, i) => `evt_burst_${i}`);
		const idsRun = async (workflowId: string, count: number) => (await eventsRun(workflowId, count)).map((e) => e.id);
		const countOf = (ids: string[]) => ids.reduce((counts, id) => counts.set(id, (counts.get(id) ?? 0) + 1), new Map<string, number>());

		it('50 distinct events run once each; every one re-sent in shuffled order runs nothing', async () => {
			for (const event of sequenceEvents()) {
				expect(JSON.parse((await send(SEQUENCE.webhookId, event)).body)).toEqual({ received: true });
			}
			expect(new Set(await idsRun(SEQUENCE.id, 50)).size).toBe(50);
			for (const event of shuffled(sequenceEvents())) {
				const again = await send(SEQUENCE.webhookId, event);
				expect({ id: event.id, status: again.status, body: JSON.parse(again.body) }).toEqual({
					id: event.id,
					status: 200,
					body: { received: true, ignored: 'duplicate' },
				});
			}
			const events = await settle(SEQUENCE.id, SEQUENCE.webhookId, 50);
			expect(events).toHaveLength(51);
			expect([...countOf(events.map((e) => e.id)).values()].every((n) => n === 1)).toBe(true);
		});

		it('one event sent 20 times at once runs once', async () => {
			const event = buildEvent(bigdd.server.shop, 'digital_order.purchased', { id: 'evt_twenty_copies' });
			const answers = await Promise.all(Array.from({ length: 20 }, () => send(BURST.webhookId, event, { timeoutMs: SLOW_ANSWER_MS })));
			const bodies = answers.map((a) => ({ status: a.status, body: JSON.parse(a.body) }));
			expect(bodies.filter((b) => b.status === 200 && b.body.ignored === undefined)).toHaveLength(1);
			expect(bodies.filter((b) => b.status === 200 && b.body.ignored === 'duplicate')).toHaveLength(19);
			const events = await settle(BURST.id, BURST.webhookId, 1);
			expect(events.filter((e) => e.id === event.id)).toHaveLength(1);
			expect(events).toHaveLength(2);
		});

		it('a burst of 100 events with re-sends and forged requests from 20 senders: each genuine id runs exactly once', async () => {
			const before = (await n8n.executions(BURST.id)).length;
			const genuine = burstEvents();
			const nowSeconds = Math.floor(Date.now() / 1000);
			type Sent = { kind: 'genuine' | 'forged'; id: string; status: number; body: { received?: boolean; ignored?: string; error?: string } };
			const deliver = (kind: Sent['kind'], event: { id: string }, options: Record<string, unknown> = {}) => async (): Promise<Sent> => {
				const answer = await send(BURST.webhookId, event, { timeoutMs: SLOW_ANSWER_MS, ...options });
				return { kind, id: event.id, status: answer.status, body: JSON.parse(answer.body) };
			};
			const forgedEvent = (i: number) => buildEvent(bigdd.server.shop, 'digital_order.purchased', { id: `evt_forged_${i}` });
			const tasks = shuffled([
				...genuine.map((event) => deliver('genuine', event)),
				// BigDD retrying: half the events twice more.
				...genuine.filter((_, i) => i % 2 === 0).flatMap((event) => [deliver('genuine', event), deliver('genuine', event)]),
				// Forgeries, some carrying genuine ids (refused before the id is looked at), some their own.
				...genuine.slice(0, 10).map((event) => deliver('forged', event, { secret: 'whsec_attacker' })),
				...Array.from({ length: 10 }, (_, i) => deliver('forged', forgedEvent(i), { secret: 'whsec_attacker' })),
				...Array.from({ length: 5 }, (_, i) => deliver('forged', forgedEvent(10 + i), { timestamp: nowSeconds - 3600 })),
				...Array.from({ length: 5 }, (_, i) => deliver('forged', forgedEvent(20 + i), { signature: 'f'.repeat(64) })),
			]);
			const sent = await sendConcurrently(tasks, 20);

			expect(sent.filter((s) => s.kind === 'forged').map((s) => s.status).sort()).toEqual([...Array(5).fill(400), ...Array(25).fill(401)]);
			const genuineAnswers = sent.filter((s) => s.kind === 'genuine');
			expect(genuineAnswers.every((s) => s.status === 200 && s.body.received === true)).toBe(true);
			const accepted = genuineAnswers.filter((s) => s.body.ignored === undefined).map((s) => s.id);
			expect([...accepted].sort()).toEqual([...burstIds].sort());

			const events = await settle(BURST.id, BURST.webhookId, before + 100);
			const ran = countOf(events.map((e) => e.id));
			expect(burstIds.filter((id) => ran.get(id) !== 1)).toEqual([]);
			expect([...ran.keys()].filter((id) => id.startsWith('evt_forged_'))).toEqual([]);
			expect(events).toHaveLength(before + 101);
		});

		it('after n8n restarts, every id seen before is still refused: 0 new executions', async () => {
			const counts = { all: (await n8n.executions(ALL.id)).length, sequence: (await n8n.executions(SEQUENCE.id)).length, burst: (await n8n.executions(BURST.id)).length };
			await n8n.stop();
			await startAndWait();

			const resend = [
				...sentEvents.map((event) => [ALL.webhookId, event] as const),
				...sequenceEvents().map((event) => [SEQUENCE.webhookId, event] as const),
				...burstEvents().map((event) => [BURST.webhookId, event] as const),
			];
			const answers = await sendConcurrently(
				shuffled(resend).map(([webhookId, event]) => async () => JSON.parse((await send(webhookId, event, { timeoutMs: SLOW_ANSWER_MS })).body)),
				10,
			);
			expect(answers.filter((a) => a.ignored !== 'duplicate')).toEqual([]);

			expect(await settle(ALL.id, ALL.webhookId, counts.all)).toHaveLength(counts.all + 1);
			expect(await settle(SEQUENCE.id, SEQUENCE.webhookId, counts.sequence)).toHaveLength(counts.sequence + 1);
			expect(await settle(BURST.id, BURST.webhookId, counts.burst)).toHaveLength(counts.burst + 1);
		});
	});

	it("listen for test event: BigDD's Test button shows up in the editor", async () => {
		const rest = await n8n.login();
		const listening = await rest('POST', `/rest/workflows/${ONE.id}/run`, { triggerToStartFrom: { name: TRIGGER_NAME } });
		expect(listening).toEqual({ status: 200, body: { data: { waitingForWebhook: true } } });
		const testEvent = buildEvent(bigdd.server.shop, 'test', { id: 'evt_test_button' });
		const response = await deliverWebhook({ url: url(ONE.webhookId, 'webhook-test'), secret: SECRET, event: testEvent });
		expect({ status: response.status, body: JSON.parse(response.body) }).toEqual({ status: 200, body: { received: true } });
		const executions = (await n8n.waitForExecutions(ONE.id, 2)) as Execution[];
		const manual = executions.find((e) => e.mode === 'manual');
		expect(manual?.data.resultData.runData[TRIGGER_NAME][0].data.main[0][0].json).toEqual(JSON.parse(JSON.stringify(testEvent)));
	});

	it('a test event sent to the production URL is acknowledged and starts nothing', async () => {
		const response = await send(ALL.webhookId, buildEvent(bigdd.server.shop, 'test', { id: 'evt_test_prod' }));
		expect(JSON.parse(response.body)).toEqual({ received: true, ignored: 'testEvent' });
		const events = await settle(ALL.id, ALL.webhookId, 6);
		expect(events.map((e) => e.id)).not.toContain('evt_test_prod');
	});

	it('without a signing secret: publishing fails saying exactly why, the URL is never served, listening is refused', async () => {
		const rest = await n8n.login();
		const { versionId } = (await rest('GET', `/rest/workflows/${NO_SECRET.id}`)).body.data;
		expect((await rest('POST', `/rest/workflows/${NO_SECRET.id}/activate`, { versionId })).status).toBe(200);
		expect(await n8n.publicationStatus(NO_SECRET.id)).toMatchObject({
			status: 'failed',
			triggers: [{ nodeId: 'trigger', status: 'failed', errorMessage: 'The Big Digital Downloads credential has no Webhook Signing Secret' }],
		});
		const event = buildEvent(bigdd.server.shop, 'file.downloaded', { id: 'evt_no_secret' });
		expect((await send(NO_SECRET.webhookId, event)).status).toBe(404);
		const listening = await rest('POST', `/rest/workflows/${NO_SECRET.id}/run`, { triggerToStartFrom: { name: TRIGGER_NAME } });
		expect(listening.body.message).toBe('The Big Digital Downloads credential has no Webhook Signing Secret');
		expect(await n8n.executions(NO_SECRET.id)).toHaveLength(0);
	});
});
