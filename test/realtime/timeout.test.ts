// A request BigDD never answers must fail after REQUEST_TIMEOUT_MS (60 s), not n8n's 5 minutes.
// These tests wait for that real timeout, so they run at the same time, each on its own server.
import { REQUEST_TIMEOUT_MS } from '../../nodes/BigDigitalDownloads/transport/retry';
import { startBigdd } from '../../harness/bigdd';
import { runActionNode } from '../support/engine';
import type { LoggedRequest } from '../support/local-bigdd';

const NEVER = REQUEST_TIMEOUT_MS + 30_000;
jest.setTimeout(REQUEST_TIMEOUT_MS + 60_000);

async function withServer<T>(
	options: Parameters<typeof startBigdd>[0],
	use: (bigdd: Awaited<ReturnType<typeof startBigdd>>) => Promise<T>,
) {
	const bigdd = await startBigdd(options);
	try {
		return await use(bigdd);
	} finally {
		await bigdd.server.stop();
	}
}

it.concurrent(
	'a page that never answers is given up after the request timeout and asked again on the same cursor',
	async () => {
		await withServer({ orders: 150 }, async (bigdd) => {
			bigdd.fault({ path: '/public-api/v1/orders', skip: 1, times: 1, latencyMs: NEVER });
			const { items, error } = await runActionNode({
				parameters: { resource: 'order', operation: 'getAll', returnAll: true },
				credentials: bigdd.credentials,
			});
			expect(error).toBeUndefined();
			expect(items.map((i) => i.json.id).sort()).toEqual(
				bigdd.server.shop.orders.map((o: { id: string }) => o.id).sort(),
			);
			const pages = bigdd.requests() as LoggedRequest[];
			expect(pages).toHaveLength(3);
			expect(pages[2].query.cursor).toBe(pages[1].query.cursor);
		});
	},
);

it.concurrent(
	'an order that never arrives fails after the request timeout with a message that says so',
	async () => {
		await withServer({ orders: 5 }, async (bigdd) => {
			bigdd.fault({ times: 1, latencyMs: NEVER });
			const orderId = bigdd.server.shop.orders[0].id;
			const { error } = await runActionNode({
				parameters: { resource: 'order', operation: 'get', orderId },
				credentials: bigdd.credentials,
			});
			expect(error?.message).toBe('BigDD did not answer within 60 s');
			expect(error?.description).toContain('Safe to run again for reads');
			expect(bigdd.requests()).toHaveLength(1);
		});
	},
);
