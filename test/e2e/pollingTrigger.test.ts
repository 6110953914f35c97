// The polling trigger in a running real n8n, on each path n8n polls by: n8n 2.41.1's default (the
// node's static data saved with each emit and at activation), its durable cursors (committed with the
// execution row, polls run by the scheduler) and n8n 1.x. Published, it starts nothing for the orders
// already there; an order placed while n8n runs starts one run at the next minute's poll; orders placed
// while n8n is stopped each run once after the restart; a restart with nothing new starts nothing. The
// three run side by side, each step on all three at once: the minute polls are waited for once, not thrice.
import { sleep } from 'n8n-workflow';
import { poll } from '../../harness/processes';
import { pollingWorkflow, POLLING_TRIGGER_NAME } from '../../harness/workflows';
import { newOrder, type LoggedRequest } from '../support/local-bigdd';
import { useN8nWithBigdd } from './fixture';

const CREDENTIAL_ID = 'bigddPollCred001';
const WORKFLOW_ID = 'bigddPollNewOrdr';
/** A minute's poll, n8n's start, and a slow 2-core machine. */
const POLL_WAIT_MS = 150_000;

interface PollRun {
	id: string;
	status: string;
	data: {
		resultData: { runData: Record<string, { data: { main: { json: { id: string } }[][] } }[]> };
	};
}

const DURABLE_CURSORS = {
	N8N_SCHEDULER_ENABLED: 'true',
	N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
	N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'true',
	N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true',
	// The scheduler's poll handler says in its debug log when a poll hands off an execution.
	N8N_LOG_LEVEL: 'debug',
};

/** The three paths, each with its own n8n and its own BigDD. */
const PATHS = [
	{ name: "n8n 2.41.1, n8n's default poll path", line: '2' as const, env: {} },
	{
		name: 'n8n 2.41.1, durable poll cursors (N8N_POLLER_DURABLE_CURSORS_ENABLED)',
		line: '2' as const,
		env: DURABLE_CURSORS,
	},
	{ name: 'n8n 1.123.81', line: '1' as const, env: {} },
];

/** One path's n8n and BigDD, and what its steps need of them. */
function pathUnderTest({ name, line, env }: (typeof PATHS)[number]) {
	const setup = useN8nWithBigdd({
		line,
		env: () => env,
		bigdd: { orders: 40, products: 3, files: 6 },
		credentialId: CREDENTIAL_ID,
		workflows: () => [pollingWorkflow({ id: WORKFLOW_ID, credentialId: CREDENTIAL_ID })],
		publish: [WORKFLOW_ID],
	});
	const shop = () => setup.shop();
	return {
		name,
		line,
		durable: env === DURABLE_CURSORS,
		setup,
		shop,
		runs: async () =>
			((await setup.n8n().executions(WORKFLOW_ID)) as PollRun[]).filter((run) => run.status),
		/** Orders placed now (BigDD's newest, one second apart). */
		place: (count: number) => {
			const newest = Math.max(...shop().orders.map((o) => Date.parse(o.created_at)), Date.now());
			return Array.from({ length: count }, (_, i) => {
				const at = new Date(newest + (i + 1) * 1_000).toISOString();
				return newOrder(shop(), [shop().products[0]], { created_at: at, updated_at: at });
			});
		},
		/** Resolves once the trigger has polled BigDD's order list (since the request log was last cleared). */
		polled: async () =>
			await poll(
				async () =>
					(setup.bigdd().requests() as LoggedRequest[]).filter(
						(r) => r.path === '/public-api/v1/orders' && r.query.sort === 'created_at',
					),
				(requests) => requests.length > 0,
				{ timeoutMs: POLL_WAIT_MS, intervalMs: 500 },
			),
		restart: async () => {
			await setup.n8n().stop();
			setup.bigdd().clear();
			await setup.n8n().start();
		},
	};
}

const reported = (run: PollRun) =>
	run.data.resultData.runData[POLLING_TRIGGER_NAME][0].data.main[0].map((item) => item.json.id);

describe(`polling trigger in real n8n, side by side: ${PATHS.map((p) => p.name).join('; ')}`, () => {
	const paths = PATHS.map(pathUnderTest);
	/** Runs `step` on every path (or those `which` keeps) at once; a failure names its path. */
	const onEveryPath = async (
		step: (path: (typeof paths)[number]) => Promise<void>,
		which: (path: (typeof paths)[number]) => boolean = () => true,
	) => {
		await Promise.all(
			paths.filter(which).map(
				async (path) =>
					await step(path).catch(async (error: unknown) => {
						if (error instanceof Error) error.message = `${path.name}: ${error.message}`;
						return await Promise.reject(error);
					}),
			),
		);
	};

	it('published, it starts from the newest order: the orders already in BigDD start nothing', async () => {
		await onEveryPath(async ({ durable, setup, polled, runs }) => {
			await polled();
			if (durable) {
				// Durable cursors keep only what a scheduled poll commits: the poll at publishing is a check, and
				// the first scheduled poll (up to a minute later) is where the trigger starts (README).
				setup.bigdd().clear();
				await polled();
			}
			expect(await runs()).toEqual([]);
		});
	});

	it("an order placed while n8n runs starts one run at the next minute's poll, with the order as BigDD lists it", async () => {
		await onEveryPath(async ({ setup, place }) => {
			const [order] = place(1);
			const [run] = (await setup
				.n8n()
				.waitForExecutions(WORKFLOW_ID, 1, POLL_WAIT_MS)) as PollRun[];
			expect(run.status).toBe('success');
			expect(reported(run)).toEqual([order.id]);
			expect(
				run.data.resultData.runData[POLLING_TRIGGER_NAME][0].data.main[0][0].json,
			).toMatchObject({ id: order.id, name: order.name });
		});
	});

	it('orders placed while n8n is stopped each run once after the restart, oldest first, in one run', async () => {
		await onEveryPath(async ({ durable, setup, place }) => {
			await setup.n8n().stop();
			const whileStopped = place(3);
			setup.bigdd().clear();
			await setup.n8n().start();
			const all = (await setup.n8n().waitForExecutions(WORKFLOW_ID, 2, POLL_WAIT_MS)) as PollRun[];
			const latest = all.find((run) => reported(run).includes(whileStopped[0].id))!;
			expect(reported(latest)).toEqual(whileStopped.map((o) => o.id));
			if (durable) {
				// The scheduler ran the poll, with durable cursors on (n8n warns when a flag they need is missing).
				expect(setup.n8n().log()).toContain(
					'Poll returned new data; handed off to a new execution',
				);
				expect(setup.n8n().log()).not.toContain('durable poll cursors stay disabled');
			}
		});
	});

	// n8n 2.x publishes and unpublishes through its REST API as the editor does; 1.x activates differently.
	it("n8n 2.x: unpublished, and published again a day later by BigDD's clock: the orders placed meanwhile run once", async () => {
		await onEveryPath(
			async ({ setup, shop, runs }) => {
				const rest = await setup.n8n().login();
				expect((await rest('POST', `/rest/workflows/${WORKFLOW_ID}/deactivate`, {})).status).toBe(
					200,
				);
				const before = (await runs()).length;
				const dayLater =
					Math.max(...shop().orders.map((o) => Date.parse(o.created_at))) + 86_400_000;
				const meanwhile = [1, 2].map((i) => {
					const at = new Date(dayLater + i * 1_000).toISOString();
					return newOrder(shop(), [shop().products[0]], { created_at: at, updated_at: at });
				});
				const { body } = await rest('GET', `/rest/workflows/${WORKFLOW_ID}`);
				expect(
					(
						await rest('POST', `/rest/workflows/${WORKFLOW_ID}/activate`, {
							versionId: body.data.versionId,
						})
					).status,
				).toBe(200);
				const all = (await setup
					.n8n()
					.waitForExecutions(WORKFLOW_ID, before + 1, POLL_WAIT_MS)) as PollRun[];
				expect(all.flatMap(reported).filter((id) => meanwhile.some((o) => o.id === id))).toEqual(
					meanwhile.map((o) => o.id),
				);
			},
			(path) => path.line === '2',
		);
	});

	it('a restart with nothing new starts nothing: what the trigger saw is saved', async () => {
		await onEveryPath(async ({ restart, polled, runs }) => {
			const before = (await runs()).length;
			await restart();
			await polled();
			// The run a poll starts is created as the poll returns: give it a moment to appear.
			await sleep(5_000);
			expect(await runs()).toHaveLength(before);
			const ids = (await runs()).flatMap(reported);
			expect(new Set(ids).size).toBe(ids.length);
		});
	});
});
