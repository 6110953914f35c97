// One local BigDD server per test file, and a shortcut to run the action node against it.
import type { INode, INodeExecutionData } from 'n8n-workflow';
import { startBigdd } from '../../harness/bigdd';
import { runActionNode } from './engine';

export type Bigdd = Awaited<ReturnType<typeof startBigdd>>;

/** The local server's shop, typed as the dev server builds it (dev-server/shop.js, seed.js). */
export type Shop = import('../../dev-server/shop').Shop;
export type Customer = Shop['customers'][number];
export type OrderLine = Shop['orders'][number]['lines'][number];

/** The body of a Create license keys request. */
export interface KeyBatchBody {
	keys: string[];
	tag?: string;
	duplicates?: string;
}

export interface LoggedRequest {
	method: string;
	path: string;
	rawQuery: string;
	query: Record<string, string | string[]>;
	headers: Record<string, string>;
	body: unknown;
	multipart: {
		fields: Record<string, string>;
		files: { field: string; filename: string; contentType: string; size: number; sha256: string }[];
	} | null;
	status: number;
}

/** Starts the server before the file's tests, stops it after; clears its request log and faults before each. */
export function useLocalBigdd(options?: Parameters<typeof startBigdd>[0]) {
	let bigdd: Bigdd | undefined;
	beforeAll(async () => {
		bigdd = await startBigdd(options);
	});
	afterAll(async () => bigdd?.server.stop());
	beforeEach(() => {
		bigdd?.clear();
		bigdd?.server.clearFaults();
		bigdd?.server.setRateLimit(options?.requestsPerSecond);
	});
	const server = () => {
		if (!bigdd) throw new Error('the local BigDD server is not running');
		return bigdd;
	};
	return {
		server,
		/** The API requests the server received in this test. */
		requests: () => server().requests() as LoggedRequest[],
		/** `METHOD /path?query` of each request received in this test. */
		requestLines: () =>
			(server().requests() as LoggedRequest[]).map(
				(r) => `${r.method} ${r.path}${r.rawQuery ? `?${r.rawQuery}` : ''}`,
			),
		shop: () => server().server.shop as Shop,
		run: async (
			parameters: Record<string, unknown>,
			extra: {
				continueOnFail?: boolean;
				items?: INodeExecutionData[];
				settings?: Partial<INode>;
				/** Fields that replace the credential's, e.g. a wrong apiToken. */
				credentials?: Record<string, string>;
				executionId?: string;
			} = {},
		) =>
			await runActionNode({
				parameters,
				...extra,
				credentials: { ...server().credentials, ...extra.credentials },
			}),
	};
}

export type Order = Shop['orders'][number];
export type Product = Shop['products'][number];

/**
 * A checkout made now (BigDD's local shop adds it as a new order of a seeded customer) of one line per
 * product given, each delivering what its product does; `changes` sets order fields (a status, access).
 */
export function newOrder(shop: Shop, products: Product[], changes: Partial<Order> = {}): Order {
	const order = shop.addPurchase(0);
	order.lines = products.map((product, i) => ({
		...order.lines[0],
		id: `${order.id.slice(0, 20)}${String(i).padStart(4, '0')}`,
		delivering_type: product.delivering_type,
		digital_product_id: product.id,
		file_ids: product.delivering_type === 'UNIQUE' ? [] : [...product.file_ids],
	}));
	return Object.assign(order, changes);
}
