// The trigger's webhook() and execute() (trigger/webhook.ts), driven as n8n drives them: signatures,
// replays, event choice, the event-id memory, what n8n saves when the run ends, and a run n8n could not start.
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { BigDigitalDownloadsTrigger } from '../../../../../nodes/BigDigitalDownloads/BigDigitalDownloadsTrigger.node';
import { REMEMBERED_EVENT_IDS } from '../../../../../nodes/BigDigitalDownloads/trigger/eventIdMemory';
import {
	SECRET,
	sign,
	now,
	eventBody,
	shuffled,
	purchase,
	freshWorkflowId,
	triggerNode,
	deliver,
	refusedWith,
} from '../../../../support/trigger-webhook';

describe('BigDigitalDownloadsTrigger webhook()', () => {
	it('a genuine selected event starts the workflow with the event exactly as sent', async () => {
		const { result, response } = await deliver();
		expect(response.statusCode).toBe(200);
		expect(result).toEqual({
			webhookResponse: { received: true },
			workflowData: [[{ json: JSON.parse(purchase) }]],
		});
	});

	describe('the signature is over the raw bytes', () => {
		const reserialised = JSON.stringify(JSON.parse(purchase));
		const variants: [string, string][] = [
			['re-serialised (\\/ and \\u00e9 unescaped)', reserialised],
			['whitespace added', purchase.replace('{"id"', '{ "id"')],
			[
				'keys reordered',
				'{"type":"digital_order.purchased","id":"evt_1","data":{"order":{"name":"#1042","price":10.0,"city":"Montr\\u00e9al","url":"https:\\/\\/x.example\\/a"}}}',
			],
			['10.0 written as 10', purchase.replace('"price":10.0', '"price":10')],
			['tampered', purchase.replace('#1042', '#1043')],
		];

		it.each(variants)('%s with the original signature is refused', async (_name, body) => {
			const timestamp = now();
			await refusedWith(
				{
					raw: body,
					headers: {
						'x-webhook-timestamp': timestamp,
						'x-webhook-signature': sign(SECRET, timestamp, purchase),
					},
				},
				401,
				'Invalid signature',
			);
		});

		it.each(variants)('%s is accepted when its own bytes were signed', async (_name, body) => {
			const { result } = await deliver({ raw: body });
			expect(result).toHaveProperty('workflowData');
		});

		it('non-ASCII bytes are signed as bytes', async () => {
			const raw = Buffer.from(
				'{"id":"evt_é","type":"digital_order.purchased","data":{"city":"Montréal"}}',
				'utf8',
			);
			const { result } = await deliver({ raw });
			expect(result).toMatchObject({
				workflowData: [[{ json: { id: 'evt_é', data: { city: 'Montréal' } } }]],
			});
		});
	});

	it.each([
		[
			'a wrong secret',
			(t: string) => ({
				'x-webhook-timestamp': t,
				'x-webhook-signature': sign('whsec_other', t, purchase),
			}),
			401,
			'Invalid signature',
		],
		[
			'no signature header',
			(t: string) => ({ 'x-webhook-timestamp': t }),
			401,
			'Missing X-Webhook-Signature header',
		],
		[
			'no timestamp header',
			(t: string) => ({ 'x-webhook-signature': sign(SECRET, t, purchase) }),
			401,
			'Missing X-Webhook-Timestamp header',
		],
		[
			'a non-hex signature',
			(t: string) => ({ 'x-webhook-timestamp': t, 'x-webhook-signature': 'not-a-signature' }),
			401,
			'Malformed X-Webhook-Signature header',
		],
		[
			'a truncated signature',
			(t: string) => ({
				'x-webhook-timestamp': t,
				'x-webhook-signature': sign(SECRET, t, purchase).slice(0, 63),
			}),
			401,
			'Malformed X-Webhook-Signature header',
		],
		[
			'a non-numeric timestamp',
			(t: string) => ({
				'x-webhook-timestamp': `${t}abc`,
				'x-webhook-signature': sign(SECRET, t, purchase),
			}),
			401,
			'Malformed X-Webhook-Timestamp header',
		],
		[
			'a timestamp signed with the body but sent differently',
			(t: string) => ({
				'x-webhook-timestamp': String(Number(t) - 1),
				'x-webhook-signature': sign(SECRET, t, purchase),
			}),
			401,
			'Invalid signature',
		],
	])('%s is refused', async (_name, headers, status, message) => {
		await refusedWith({ headers: headers(now()) }, status, message);
	});

	it.each([
		['stale (6 minutes old)', -360],
		['from the future (6 minutes ahead)', 360],
	])('a %s timestamp, correctly signed, is refused with 400', async (_name, offset) => {
		const timestamp = String(Math.floor(Date.now() / 1000) + offset);
		await refusedWith(
			{
				headers: {
					'x-webhook-timestamp': timestamp,
					'x-webhook-signature': sign(SECRET, timestamp, purchase),
				},
			},
			400,
			'Timestamp outside the accepted window',
		);
	});

	it('4 minutes old is inside the default window; a tighter tolerance refuses it', async () => {
		const timestamp = String(Math.floor(Date.now() / 1000) - 240);
		const headers = {
			'x-webhook-timestamp': timestamp,
			'x-webhook-signature': sign(SECRET, timestamp, purchase),
		};
		expect((await deliver({ headers })).result).toHaveProperty('workflowData');
		await refusedWith(
			{ headers, options: { toleranceSeconds: 60 } },
			400,
			'Timestamp outside the accepted window',
		);
	});

	it('an empty secret in the credential refuses everything (fail closed)', async () => {
		const timestamp = now();
		await refusedWith(
			{
				secret: '',
				headers: {
					'x-webhook-timestamp': timestamp,
					'x-webhook-signature': sign('', timestamp, purchase),
				},
			},
			401,
			'Invalid signature',
		);
	});

	it('a correctly signed body that is not JSON is refused with 400', async () => {
		await refusedWith({ raw: 'id=evt_1&type=x' }, 400, 'Body is not JSON');
	});

	it('a correctly signed JSON without id and type is refused with 400', async () => {
		await refusedWith(
			{ raw: '{"hello":"world"}' },
			400,
			'Body is not a BigDD event (id and type are required)',
		);
	});

	it('uppercase hex and a sha256= prefix are accepted (same bits)', async () => {
		const timestamp = now();
		const signature = sign(SECRET, timestamp, purchase);
		for (const variant of [signature.toUpperCase(), `sha256=${signature}`]) {
			const { result } = await deliver({
				headers: { 'x-webhook-timestamp': timestamp, 'x-webhook-signature': variant },
			});
			expect(result).toHaveProperty('workflowData');
		}
	});

	it('a genuine event of an unselected type is acknowledged and starts nothing', async () => {
		const { result, response } = await deliver({ events: ['file.downloaded'] });
		expect(response.statusCode).toBe(200);
		expect(result).toEqual({ webhookResponse: { received: true, ignored: 'notSelected' } });
	});

	it('a duplicate id (BigDD retrying) is acknowledged and starts nothing', async () => {
		const workflowId = freshWorkflowId();
		expect((await deliver({ workflowId })).result).toHaveProperty('workflowData');
		const second = await deliver({ workflowId });
		expect(second.result).toEqual({ webhookResponse: { received: true, ignored: 'duplicate' } });
	});

	it('webhook() never writes static data: n8n would save a stale copy of it with ignored requests', async () => {
		const workflowId = freshWorkflowId();
		const staticData: IDataObject = { recentEventIds: ['evt_0'] };
		await deliver({ workflowId, staticData });
		await deliver({ workflowId, staticData });
		expect(staticData).toEqual({ recentEventIds: ['evt_0'] });
	});

	it('the 2nd, the 100th and every later event are each run once and refused when repeated, in shuffled order', async () => {
		const workflowId = freshWorkflowId();
		const ids = Array.from({ length: 150 }, (_, i) => `evt_seq_${i}`);
		for (const id of ids)
			expect((await deliver({ workflowId, raw: eventBody(id) })).result).toHaveProperty(
				'workflowData',
			);
		for (const id of shuffled(ids)) {
			expect((await deliver({ workflowId, raw: eventBody(id) })).result).toEqual({
				webhookResponse: { received: true, ignored: 'duplicate' },
			});
		}
	});

	it('20 concurrent copies of one event start one run; 20 concurrent distinct events start 20', async () => {
		const workflowId = freshWorkflowId();
		const copies = await Promise.all(
			Array.from({ length: 20 }, () => deliver({ workflowId, raw: eventBody('evt_burst') })),
		);
		expect(copies.filter(({ result }) => 'workflowData' in result)).toHaveLength(1);
		const distinct = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				deliver({ workflowId, raw: eventBody(`evt_burst_${i}`) }),
			),
		);
		expect(distinct.filter(({ result }) => 'workflowData' in result)).toHaveLength(20);
	});

	it('after a restart (memory gone) ids saved by earlier runs are still refused', async () => {
		const staticData: IDataObject = { recentEventIds: ['evt_saved_1', 'evt_saved_2'] };
		const { result } = await deliver({ raw: eventBody('evt_saved_2'), staticData });
		expect(result).toEqual({ webhookResponse: { received: true, ignored: 'duplicate' } });
	});

	it('a refused request claims nothing: the genuine event with the same id still runs', async () => {
		const workflowId = freshWorkflowId();
		const raw = eventBody('evt_forged');
		const timestamp = now();
		await refusedWith(
			{
				workflowId,
				raw,
				headers: {
					'x-webhook-timestamp': timestamp,
					'x-webhook-signature': sign('whsec_attacker', timestamp, raw),
				},
			},
			401,
			'Invalid signature',
		);
		expect((await deliver({ workflowId, raw })).result).toHaveProperty('workflowData');
	});

	it('each workflow remembers its own ids', async () => {
		expect(
			(await deliver({ workflowId: freshWorkflowId(), raw: eventBody('evt_shared') })).result,
		).toHaveProperty('workflowData');
		expect(
			(await deliver({ workflowId: freshWorkflowId(), raw: eventBody('evt_shared') })).result,
		).toHaveProperty('workflowData');
	});

	describe('test events', () => {
		const testEvent = '{"id":"evt_test_1","type":"test","data":{}}';

		it('show up while the editor listens, whatever events are selected', async () => {
			const { result } = await deliver({
				raw: testEvent,
				mode: 'manual',
				events: ['file.downloaded'],
			});
			expect(result).toMatchObject({
				workflowData: [[{ json: { id: 'evt_test_1', type: 'test' } }]],
			});
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
			const { result } = await deliver({
				raw: '{"id":"evt_2","type":"digital_order.purchased","test":true}',
			});
			expect(result).toEqual({ webhookResponse: { received: true, ignored: 'testEvent' } });
		});

		it('listening does not remember ids, so the same test can be sent again', async () => {
			const workflowId = freshWorkflowId();
			const staticData: IDataObject = {};
			await deliver({ mode: 'manual', staticData, workflowId });
			expect((await deliver({ mode: 'manual', staticData, workflowId })).result).toHaveProperty(
				'workflowData',
			);
			expect(staticData).toEqual({});
			expect((await deliver({ staticData, workflowId })).result).toHaveProperty('workflowData');
		});
	});
});

/**
 * n8n's processed-data record of one trigger node, as its deduplication helpers keep it in the
 * database every process shares; `failures` makes the next calls throw (a concurrent first record
 * failing on the table's key, or the database unavailable).
 */
function processedRecord(failures = 0) {
	const ids = new Set<string>();
	let failing = failures;
	return {
		ids,
		calls: 0,
		async checkProcessedAndRecord(
			items: string[],
			scope: string,
			options: { mode: string; maxEntries: number },
		) {
			this.calls++;
			expect([scope, options]).toEqual([
				'node',
				{ mode: 'entries', maxEntries: REMEMBERED_EVENT_IDS },
			]);
			if (failing-- > 0)
				throw new Error('duplicate key value violates unique constraint "PK_processed_data"');
			const processed = items.filter((id) => ids.has(id));
			items.forEach((id) => ids.add(id));
			return { new: items.filter((id) => !processed.includes(id)), processed };
		},
	};
}

/** The trigger's execute() in the run its webhook() started, with the static data n8n loaded for that run. */
async function runTrigger(options: {
	workflowId: string;
	ids: string[];
	staticData: IDataObject;
	mode?: string;
	record?: ReturnType<typeof processedRecord>;
	warnings?: string[];
}) {
	const items: INodeExecutionData[] = options.ids.map((id) => ({
		json: { id, type: 'digital_order.purchased' },
	}));
	const record = options.record ?? processedRecord();
	const context = {
		getInputData: () => items,
		getMode: () => options.mode ?? 'webhook',
		getWorkflow: () => ({ id: options.workflowId, active: true }),
		getNode: () => triggerNode(),
		getWorkflowStaticData: () => options.staticData,
		helpers: { checkProcessedAndRecord: record.checkProcessedAndRecord.bind(record) },
		logger: { warn: (message: string) => options.warnings?.push(message) },
	} as unknown as IExecuteFunctions;
	const output = await new BigDigitalDownloadsTrigger().execute.call(context);
	return {
		output,
		saved: JSON.parse(JSON.stringify(options.staticData)) as { recentEventIds?: string[] },
	};
}

/** runTrigger for a run that passes its event on, as every run in one process does: what n8n saves. */
async function runPassing(options: Parameters<typeof runTrigger>[0]) {
	const { output, saved } = await runTrigger(options);
	expect(output).toEqual([
		options.ids.map((id) => ({ json: { id, type: 'digital_order.purchased' } })),
	]);
	return saved;
}

describe('BigDigitalDownloadsTrigger execute(): what n8n saves when the run ends', () => {
	it("adds the run's id to the ids saved before, without losing any", async () => {
		const saved = await runPassing({
			workflowId: freshWorkflowId(),
			ids: ['evt_new'],
			staticData: { recentEventIds: ['evt_a', 'evt_b'] },
		});
		expect(saved.recentEventIds).toEqual(['evt_a', 'evt_b', 'evt_new']);
	});

	it('concurrent runs loaded the same old copy: whichever saves last still holds every id of the process', async () => {
		const workflowId = freshWorkflowId();
		const loadedByRunA: IDataObject = { recentEventIds: ['evt_old'] };
		const loadedByRunB: IDataObject = { recentEventIds: ['evt_old'] };
		await runPassing({ workflowId, ids: ['evt_a'], staticData: loadedByRunA });
		await runPassing({ workflowId, ids: ['evt_b'], staticData: loadedByRunB });
		const savedByA = JSON.parse(JSON.stringify(loadedByRunA)); // A's run ends after B's
		expect(savedByA.recentEventIds).toEqual(['evt_old', 'evt_a', 'evt_b']);
	});

	it('runs on another process (a queue-mode worker) are what make webhook() refuse a copy after a restart', async () => {
		const savedByWorker = await runPassing({
			workflowId: freshWorkflowId(),
			ids: ['evt_worker'],
			staticData: {},
		});
		const { result } = await deliver({
			raw: eventBody('evt_worker'),
			staticData: savedByWorker as IDataObject,
		});
		expect(result).toEqual({ webhookResponse: { received: true, ignored: 'duplicate' } });
	});

	it(`keeps the newest ${REMEMBERED_EVENT_IDS} ids`, async () => {
		const workflowId = freshWorkflowId();
		const old = Array.from({ length: REMEMBERED_EVENT_IDS }, (_, i) => `evt_old_${i}`);
		const saved = await runPassing({
			workflowId,
			ids: ['evt_1', 'evt_2', 'evt_3'],
			staticData: { recentEventIds: old },
		});
		expect(saved.recentEventIds).toHaveLength(REMEMBERED_EVENT_IDS);
		expect(saved.recentEventIds?.slice(0, 1)).toEqual(['evt_old_3']);
		expect(saved.recentEventIds?.slice(-3)).toEqual(['evt_1', 'evt_2', 'evt_3']);
	});

	it('a listening (manual) run saves nothing and passes the event on', async () => {
		const staticData: IDataObject = {};
		expect(
			await runPassing({
				workflowId: freshWorkflowId(),
				ids: ['evt_test'],
				staticData,
				mode: 'manual',
			}),
		).toEqual({});
	});

	it("an id another process already ran (n8n's shared record of processed ids) stops the run at the trigger, for the 1st and the 100th", async () => {
		const workflowId = freshWorkflowId();
		const record = processedRecord();
		const ids = Array.from({ length: 100 }, (_, i) => `evt_elsewhere_${i}`);
		for (const id of ids) record.ids.add(id); // recorded by runs on another worker
		for (const id of ids) {
			const { output } = await runTrigger({ workflowId, ids: [id], staticData: {}, record });
			expect({ id, output }).toEqual({ id, output: [[]] });
		}
		// A new id in the same record still runs, and is recorded once.
		expect(
			(await runTrigger({ workflowId, ids: ['evt_fresh'], staticData: {}, record })).output[0],
		).toHaveLength(1);
		expect(record.calls).toBe(101);
		expect(
			(await runTrigger({ workflowId, ids: ['evt_fresh'], staticData: {}, record })).output,
		).toEqual([[]]);
	});

	it("a record that fails once (two processes making the node's first record at once) is asked again: the copy still stops", async () => {
		const record = processedRecord(1);
		record.ids.add('evt_raced');
		expect(
			(
				await runTrigger({
					workflowId: freshWorkflowId(),
					ids: ['evt_raced'],
					staticData: {},
					record,
				})
			).output,
		).toEqual([[]]);
		expect(record.calls).toBe(2);
	});

	it("a record that cannot be used at all: the run goes on (the event is not lost), with a warning in n8n's log that names no secret", async () => {
		const warnings: string[] = [];
		const record = processedRecord(2);
		const saved = await runPassing({
			workflowId: freshWorkflowId(),
			ids: ['evt_no_record'],
			staticData: {},
			record,
			warnings,
		});
		expect(saved.recentEventIds).toEqual(['evt_no_record']);
		expect(warnings).toEqual([
			'BigDD trigger: n8n\'s record of processed event ids could not be used (Error: duplicate key value violates unique constraint "PK_processed_data"); duplicates are refused per process only',
		]);
	});

	it('a listening (manual) run does not touch the record', async () => {
		const record = processedRecord();
		await runPassing({
			workflowId: freshWorkflowId(),
			ids: ['evt_listen'],
			staticData: {},
			mode: 'manual',
			record,
		});
		expect(record.calls).toBe(0);
	});

	it('ignores saved data of another shape instead of failing the run', async () => {
		const saved = await runPassing({
			workflowId: freshWorkflowId(),
			ids: ['evt_x'],
			staticData: { recentEventIds: 'corrupt' },
		});
		expect(saved.recentEventIds).toEqual(['evt_x']);
	});
});

describe('a run n8n could not start (n8n 2.x answers BigDD 5xx, or the connection drops)', () => {
	const isRun = (result: unknown) =>
		typeof result === 'object' && result !== null && 'workflowData' in result;

	it.each([
		['n8n answered 500', 500],
		['n8n answered 503', 503],
		['the connection dropped before an answer', 'dropped'],
	] as const)(
		"%s: BigDD's retry of the event runs; once a run started, later retries are duplicates",
		async (_name, failure) => {
			const workflowId = freshWorkflowId();
			const raw = eventBody('evt_failed_start');
			const first = await deliver({ workflowId, raw });
			expect(isRun(first.result)).toBe(true);
			first.answer(failure);
			const retry = await deliver({ workflowId, raw });
			expect(isRun(retry.result)).toBe(true);
			retry.answer(200);
			const again = await deliver({ workflowId, raw });
			expect(again.result).toEqual({ webhookResponse: { received: true, ignored: 'duplicate' } });
		},
	);

	it('100 events, every third failing to start: each retry runs, and each id ends up run exactly once', async () => {
		const workflowId = freshWorkflowId();
		const started: string[] = [];
		for (let i = 0; i < 100; i++) {
			const raw = eventBody(`evt_mixed_${i}`);
			const first = await deliver({ workflowId, raw });
			expect(isRun(first.result)).toBe(true);
			if (i % 3 === 0) {
				first.answer(500);
				const retry = await deliver({ workflowId, raw });
				expect(isRun(retry.result)).toBe(true);
				retry.answer(200);
			} else first.answer(200);
			started.push(`evt_mixed_${i}`);
			// Every id now started once: a further copy is a duplicate.
			expect((await deliver({ workflowId, raw })).result).toEqual({
				webhookResponse: { received: true, ignored: 'duplicate' },
			});
		}
		expect(started).toHaveLength(100);
	});

	it('a copy that arrives while the first is still being started is a duplicate; if that start then fails, the next retry runs', async () => {
		const workflowId = freshWorkflowId();
		const raw = eventBody('evt_concurrent_fail');
		const first = await deliver({ workflowId, raw });
		const copy = await deliver({ workflowId, raw });
		expect(copy.result).toEqual({ webhookResponse: { received: true, ignored: 'duplicate' } });
		copy.answer(200);
		first.answer(500);
		expect(isRun((await deliver({ workflowId, raw })).result)).toBe(true);
	});

	it('an ignored event and a refused request release nothing (their answers are not runs)', async () => {
		const workflowId = freshWorkflowId();
		const raw = eventBody('evt_kept');
		(await deliver({ workflowId, raw })).answer(200);
		const duplicate = await deliver({ workflowId, raw });
		duplicate.answer(500);
		expect((await deliver({ workflowId, raw })).result).toEqual({
			webhookResponse: { received: true, ignored: 'duplicate' },
		});
	});
});
