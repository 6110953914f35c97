// What the trigger guarantees about BigDD's deliveries, as tests any running n8n can be put through:
// n8n 2.x and 1.x in one process, and queue mode. The caller imports `deliveryWorkflows`, publishes
// them, starts n8n and hands over a `DeliveryTarget`.
import { buildEvent, deliverWebhook, EVENT_TYPES } from '../../../dev-server/webhooks';
import { triggerWorkflow, TRIGGER_NAME } from '../../../harness/workflows';
import type { Shop } from '../../support/local-bigdd';
import { report } from '../setup/env';

export const SIGNING_SECRET = 'whsec_example_e2e_signing_secret';
export const SEQUENCE = { id: 'bigddTrigSequenc', webhookId: 'bigdd-sequence' };
export const BURST = { id: 'bigddTrigBurst01', webhookId: 'bigdd-burst' };
/** Generous: under a burst on 2 cores n8n may answer slowly; these tests are about what runs, not speed. */
const SLOW_ANSWER_MS = 120_000;

export interface Execution {
	mode: string;
	data: {
		resultData: {
			runData: Record<string, { data: { main: { json: { id: string; type: string } }[][] } }[]>;
		};
	};
}

export interface DeliveryTarget {
	/** The production URL of a trigger with this webhookId. */
	webhookUrl: (webhookId: string) => string;
	waitForExecutions: (
		workflowId: string,
		count: number,
		timeoutMs?: number,
		where?: (execution: Execution) => boolean,
	) => Promise<unknown[]>;
	/** Stops every n8n process and starts them again, ready to serve the webhooks. */
	restart: () => Promise<void>;
	shop: Shop;
	/**
	 * Queue mode with several workers: each saves the workflow's static data from its own memory, so after
	 * a restart a re-sent id may be missing there and start a run, which n8n's processed-data record then
	 * stops at the trigger (nothing after it runs).
	 */
	severalWorkers?: boolean;
}

/** The workflows these tests deliver to, for the caller to import and publish. */
export const deliveryWorkflows = (credentialId: string) =>
	[SEQUENCE, BURST].map((w) => triggerWorkflow({ ...w, credentialId, events: [...EVENT_TYPES] }));

export const shuffled = <T>(values: T[]) =>
	values
		.map((v) => [Math.random(), v] as const)
		.sort((a, b) => a[0] - b[0])
		.map(([, v]) => v);

/** Runs the tasks with at most `senders` in flight, like that many concurrent webhook senders. */
export async function sendConcurrently<T>(
	tasks: (() => Promise<T>)[],
	senders: number,
): Promise<T[]> {
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

/** Helpers bound to one target: sending, reading the events runs started with, and settling. */
export function deliveryHelpers(target: () => DeliveryTarget) {
	let sentinel = 0;
	const send = async (webhookId: string, event: object, options: Record<string, unknown> = {}) =>
		await deliverWebhook({
			url: target().webhookUrl(webhookId),
			secret: SIGNING_SECRET,
			event,
			...options,
		});
	// A run stopped at the trigger (its event already run by another process, in queue mode) has no event.
	const eventOf = (e: Execution) =>
		e.data.resultData.runData[TRIGGER_NAME][0].data.main[0][0]?.json;
	const eventsRun = async (workflowId: string, count: number) =>
		((await target().waitForExecutions(workflowId, count, 60_000)) as Execution[])
			.map(eventOf)
			.filter((event) => event !== undefined);
	/**
	 * Sends a fresh genuine event and waits for its execution: everything sent before it has been
	 * handled. Returns the events of all runs, at least `expectedBefore` + the sentinel.
	 */
	const settle = async (workflowId: string, webhookId: string, expectedBefore: number) => {
		const event = buildEvent(target().shop, 'file.downloaded', {
			id: `evt_sentinel_${++sentinel}_${Date.now()}`,
		});
		expect((await send(webhookId, event)).status).toBe(200);
		await target().waitForExecutions(workflowId, 1, 60_000, (e) => eventOf(e)?.id === event.id);
		const events = await eventsRun(workflowId, expectedBefore + 1);
		expect(events.map((e) => e.id)).toContain(event.id);
		return events;
	};
	return { send, eventsRun, settle };
}

/**
 * BigDD retries every delivery it counts as failed; a retry must never run the workflow twice:
 * later events (not only the first), concurrent copies, a burst mixed with forgeries, a restart.
 */
export function describeExactlyOnce(target: () => DeliveryTarget) {
	describe('exactly once: BigDD retries never run a workflow twice', () => {
		const { send, eventsRun, settle } = deliveryHelpers(target);
		// BigDD sends a retry with the same id (and a fresh timestamp and signature).
		const numbered = (prefix: string, count: number) => () =>
			Array.from({ length: count }, (_, i) =>
				buildEvent(target().shop, EVENT_TYPES[i % EVENT_TYPES.length], {
					id: `${prefix}_${i}`,
					orderIndex: i,
				}),
			);
		const sequenceEvents = numbered('evt_seq', 50);
		const burstEvents = numbered('evt_burst', 100);
		const burstIds = Array.from({ length: 100 }, (_, i) => `evt_burst_${i}`);
		const countOf = (ids: string[]) =>
			ids.reduce(
				(counts, id) => counts.set(id, (counts.get(id) ?? 0) + 1),
				new Map<string, number>(),
			);
		const executionCount = async (workflowId: string) =>
			(await target().waitForExecutions(workflowId, 0)).length;

		it('50 distinct events run once each; every one re-sent in shuffled order runs nothing', async () => {
			const before = await executionCount(SEQUENCE.id);
			for (const event of sequenceEvents()) {
				expect(JSON.parse((await send(SEQUENCE.webhookId, event)).body)).toEqual({
					received: true,
				});
			}
			expect(new Set((await eventsRun(SEQUENCE.id, before + 50)).map((e) => e.id)).size).toBe(
				before + 50,
			);
			for (const event of shuffled(sequenceEvents())) {
				const again = await send(SEQUENCE.webhookId, event);
				expect({ id: event.id, status: again.status, body: JSON.parse(again.body) }).toEqual({
					id: event.id,
					status: 200,
					body: { received: true, ignored: 'duplicate' },
				});
			}
			const events = await settle(SEQUENCE.id, SEQUENCE.webhookId, before + 50);
			expect(events).toHaveLength(before + 51);
			expect([...countOf(events.map((e) => e.id)).values()].every((n) => n === 1)).toBe(true);
		});

		it('one event sent 20 times at once runs once', async () => {
			const before = await executionCount(BURST.id);
			const event = buildEvent(target().shop, 'digital_order.purchased', {
				id: 'evt_twenty_copies',
			});
			const answers = await Promise.all(
				Array.from({ length: 20 }, () =>
					send(BURST.webhookId, event, { timeoutMs: SLOW_ANSWER_MS }),
				),
			);
			const bodies = answers.map((a) => ({ status: a.status, body: JSON.parse(a.body) }));
			expect(bodies.filter((b) => b.status === 200 && b.body.ignored === undefined)).toHaveLength(
				1,
			);
			expect(bodies.filter((b) => b.status === 200 && b.body.ignored === 'duplicate')).toHaveLength(
				19,
			);
			const events = await settle(BURST.id, BURST.webhookId, before + 1);
			expect(events.filter((e) => e.id === event.id)).toHaveLength(1);
			expect(events).toHaveLength(before + 2);
		});

		it('a burst of 100 events with re-sends and forged requests from 20 senders: each genuine id runs exactly once', async () => {
			const before = await executionCount(BURST.id);
			const genuine = burstEvents();
			const nowSeconds = Math.floor(Date.now() / 1000);
			type Sent = {
				kind: 'genuine' | 'forged';
				id: string;
				status: number;
				body: { received?: boolean; ignored?: string; error?: string };
			};
			const deliver =
				(kind: Sent['kind'], event: { id: string }, options: Record<string, unknown> = {}) =>
				async (): Promise<Sent> => {
					const answer = await send(BURST.webhookId, event, {
						timeoutMs: SLOW_ANSWER_MS,
						...options,
					});
					return { kind, id: event.id, status: answer.status, body: JSON.parse(answer.body) };
				};
			const forgedEvent = (i: number) =>
				buildEvent(target().shop, 'digital_order.purchased', { id: `evt_forged_${i}` });
			const tasks = shuffled([
				...genuine.map((event) => deliver('genuine', event)),
				// BigDD retrying: half the events twice more.
				...genuine
					.filter((_, i) => i % 2 === 0)
					.flatMap((event) => [deliver('genuine', event), deliver('genuine', event)]),
				// Forgeries, some carrying genuine ids (refused before the id is looked at), some their own.
				...genuine
					.slice(0, 10)
					.map((event) => deliver('forged', event, { secret: 'whsec_attacker' })),
				...Array.from({ length: 10 }, (_, i) =>
					deliver('forged', forgedEvent(i), { secret: 'whsec_attacker' }),
				),
				...Array.from({ length: 5 }, (_, i) =>
					deliver('forged', forgedEvent(10 + i), { timestamp: nowSeconds - 3600 }),
				),
				...Array.from({ length: 5 }, (_, i) =>
					deliver('forged', forgedEvent(20 + i), { signature: 'f'.repeat(64) }),
				),
			]);
			const sent = await sendConcurrently(tasks, 20);

			expect(
				sent
					.filter((s) => s.kind === 'forged')
					.map((s) => s.status)
					.sort(),
			).toEqual([...Array(5).fill(400), ...Array(25).fill(401)]);
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

		it('after n8n restarts, every id seen before is still refused (several workers: measured)', async () => {
			const counts = {
				sequence: await executionCount(SEQUENCE.id),
				burst: await executionCount(BURST.id),
			};
			await target().restart();
			const resend = [
				...sequenceEvents().map((event) => [SEQUENCE.webhookId, event] as const),
				...burstEvents().map((event) => [BURST.webhookId, event] as const),
			];
			const answers = await sendConcurrently(
				shuffled(resend).map(([webhookId, event]) => async () => ({
					id: event.id,
					...JSON.parse((await send(webhookId, event, { timeoutMs: SLOW_ANSWER_MS })).body),
				})),
				10,
			);
			const started = answers.filter((a) => a.ignored !== 'duplicate');
			// Runs whose trigger passed an event on: the ones before, and the sentinel.
			const events = [
				...(await settle(SEQUENCE.id, SEQUENCE.webhookId, counts.sequence)),
				...(await settle(BURST.id, BURST.webhookId, counts.burst)),
			];
			if (!target().severalWorkers) {
				expect(started).toEqual([]);
				expect(events).toHaveLength(counts.sequence + counts.burst + 2);
				return;
			}
			// Several workers: measured, and never worse than one extra run of an id.
			const ranAgain = [...countOf(events.map((e) => e.id)).entries()]
				.filter(([, n]) => n > 1)
				.map(([id]) => id);
			expect([...countOf(events.map((e) => e.id)).values()].every((n) => n <= 2)).toBe(true);
			report(
				`after a restart, several workers: ${started.length} of ${answers.length} re-sent ids started a run; ${ranAgain.length} ran the nodes after the trigger again, the rest stopped at the trigger`,
			);
		});
	});
}
