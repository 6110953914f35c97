// Smoke suite on the newest n8n 1.x (1.123.81, Node 20, legacy expression engine): the packed package
// loads and works there — one workflow per resource including key import and upload, the credential
// test, and the trigger's delivery guarantees.
import { createHash } from 'crypto';
import type { Shop } from '../support/local-bigdd';
import {
	errorBodies,
	MESSAGES,
	N8N1_MESSAGES,
	NOT_BIGDD,
	TIMES_ASKED,
} from './scenarios/credentialTest';
import { report, startOtherJsonServer } from './setup/env';
import { nodeOutput } from '../../harness/n8n';
import { actionWorkflow, CREDENTIAL_TYPE } from '../../harness/workflows';
import { useN8nWithBigdd, type Bigdd, type N8n } from './fixture';
import {
	BURST,
	deliveryHelpers,
	deliveryWorkflows,
	describeExactlyOnce,
	SEQUENCE,
	SIGNING_SECRET,
} from './scenarios/triggerDelivery';
import { buildEvent } from '../../dev-server/webhooks';

const CREDENTIAL_ID = 'bigddV1Cred00001';
const UPLOAD_BYTES = 1_000_000;
const KEYS = 6_001;

describe('n8n 1.x', () => {
	let bigdd: Bigdd;
	let n8n: N8n;
	let shop: Shop;
	let run: unknown;

	const webhookUrl = (webhookId: string) => `${n8n.baseUrl}/webhook/${webhookId}/bigdd`;
	const startAndWait = async () => {
		await n8n.start();
		for (const { webhookId } of [SEQUENCE, BURST]) await n8n.waitForWebhook(`${webhookId}/bigdd`);
	};
	const target = () => ({
		webhookUrl,
		waitForExecutions: n8n.waitForExecutions,
		shop: bigdd.server.shop,
		restart: async () => {
			await n8n.stop();
			await startAndWait();
		},
	});

	const setup = useN8nWithBigdd({
		line: '1',
		bigdd: { orders: 250, products: 12, files: 40, licenseKeys: 20 },
		credentialId: CREDENTIAL_ID,
		webhookSigningSecret: SIGNING_SECRET,
		start: false,
		workflows: (seeded, bigdd) => {
			shop = seeded;
			const order = shop.orders[3];
			return [
				actionWorkflow({
					id: 'bigddV1Resource',
					credentialId: CREDENTIAL_ID,
					nodes: [
						{
							name: 'Customer',
							parameters: {
								resource: 'customer',
								operation: 'getDownloads',
								customerId: order.customer.gid,
								returnAll: true,
							},
						},
						{
							name: 'Digital Product',
							parameters: { resource: 'digitalProduct', operation: 'getAll', returnAll: true },
						},
						{
							name: 'Download Link',
							parameters: {
								resource: 'downloadLink',
								operation: 'create',
								fileIds: shop.files[0].id,
							},
						},
						{
							name: 'Download Stat',
							parameters: {
								resource: 'downloadStats',
								operation: 'get',
								window: { start: '2026-05-01T00:00:00Z', end: '2026-06-01T00:00:00Z' },
							},
						},
						{
							name: 'License Key',
							parameters: {
								resource: 'licenseKey',
								operation: 'create',
								keys: Array.from({ length: KEYS }, (_, i) => `V1-${i}`).join('\n'),
								tag: 'v1',
							},
						},
						{
							name: 'Order',
							parameters: { resource: 'order', operation: 'getAll', returnAll: true },
						},
						{
							name: 'Download blob',
							type: 'n8n-nodes-base.httpRequest',
							typeVersion: 4.2,
							parameters: {
								url: `${bigdd.url}/__admin/blob?size=${UPLOAD_BYTES}&seed=3`,
								options: { response: { response: { responseFormat: 'file' } } },
							},
						},
						{
							name: 'File',
							after: 'Download blob',
							parameters: {
								resource: 'file',
								operation: 'upload',
								binaryPropertyName: 'data',
								options: { fileName: 'v1.zip' },
							},
						},
					],
				}),
				...deliveryWorkflows(CREDENTIAL_ID),
			];
		},
		publish: [SEQUENCE.id, BURST.id],
	});

	beforeAll(async () => {
		bigdd = setup.bigdd();
		n8n = setup.n8n();
		bigdd.clear();
		run = await n8n.execute('bigddV1Resource');
		await startAndWait();
	});

	const items = (node: string) => nodeOutput(run, node).items;
	const { received } = setup;

	it('runs the installed 1.x line', () => {
		expect(n8n.version).toMatch(/^1\./);
	});

	describe('one operation per resource', () => {
		it('Customer Get Downloads, Digital Product and Order Get Many (Return All over pages)', () => {
			expect(items('Customer')).toHaveLength(
				shop.orders.filter((o) => o.customer.gid === shop.orders[3].customer.gid).length,
			);
			const sellable = shop.products.filter((p) => !p.is_archived);
			expect(
				items('Digital Product')
					.map((p: { id: string }) => p.id)
					.sort(),
			).toEqual(sellable.map((p) => p.id).sort());
			expect(
				items('Order')
					.map((o: { id: string }) => o.id)
					.sort(),
			).toEqual(shop.orders.map((o) => o.id).sort());
			expect(received('GET', '/orders').map((r) => r.query.limit)).toEqual(['100', '100', '100']);
		});

		it('Download Link Create and Download Stat Get', () => {
			expect(items('Download Link')[0]).toMatchObject({
				url: expect.stringContaining('/dl/'),
				file_ids: [shop.files[0].id],
			});
			expect(items('Download Stat')[0]).toMatchObject({
				period: { start: '2026-05-01T00:00:00.000Z' },
			});
		});

		it(`License Key Create: ${KEYS} keys in 2 batches`, () => {
			expect(items('License Key')).toEqual([
				{ created: KEYS, skipped: 0, total: KEYS, batches: 2, tag: 'v1', duplicates: 'skip' },
			]);
			expect(
				received('POST', '/license-keys').map((r) => (r.body as { keys: string[] }).keys.length),
			).toEqual([5000, KEYS - 5000]);
		});

		it('File Upload: the binary arrives byte-exact', () => {
			const { deterministicBytes } = jest.requireActual('../../dev-server/server');
			const [request] = received('POST', '/files');
			expect(request.multipart?.files).toEqual([
				{
					field: 'file',
					filename: 'v1.zip',
					contentType: 'application/zip',
					size: UPLOAD_BYTES,
					sha256: createHash('sha256').update(deterministicBytes(UPLOAD_BYTES, 3)).digest('hex'),
				},
			]);
			expect(items('File')[0]).toMatchObject({ name: 'v1.zip', size: UPLOAD_BYTES });
		});
	});

	describe('credential test', () => {
		const test = async (data: Record<string, string>) => {
			const rest = await n8n.login();
			const response = await rest('POST', '/rest/credentials/test', {
				credentials: { id: CREDENTIAL_ID, name: 'BigDD', type: CREDENTIAL_TYPE, data },
			});
			expect(response.status).toBe(200);
			return response.body.data as { status: string; message: string };
		};

		it('succeeds with the right token', async () => {
			expect(await test({ apiToken: bigdd.server.token, baseUrl: bigdd.url })).toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
		});

		// n8n 1.105-1.123 lose the status of a failed test request before applying the credential's
		// responseCode rules, and say what n8n says for that status. Still decided by the status alone.
		it.each([401, 403, 404, 429] as const)(
			'BigDD answers %s: one message whatever the error body, never "successful" or "not BigDD"',
			async (status) => {
				const messages = new Set<string>();
				for (const [, body] of errorBodies(status)) {
					bigdd.server.clearFaults();
					bigdd.server.addFaults({ times: TIMES_ASKED[status], status, ...body });
					const result = await test({ apiToken: bigdd.server.token, baseUrl: bigdd.url });
					expect(result.status).toBe('Error');
					messages.add(result.message);
				}
				expect(messages.size).toBe(1);
				const [message] = messages;
				report(`n8n 1.x credential Test on ${status}: ${message}`);
				expect([MESSAGES[status], N8N1_MESSAGES[status]]).toContain(message);
			},
		);

		it('fails with a base URL that is not BigDD, saying so', async () => {
			const other = await startOtherJsonServer();
			const result = await test({ apiToken: bigdd.server.token, baseUrl: other.url }).finally(
				other.stop,
			);
			expect(result).toEqual({ status: 'Error', message: NOT_BIGDD });
		});
	});

	describe('trigger', () => {
		const { send, settle } = deliveryHelpers(target);

		it('a genuine event runs; a forged one is refused and runs nothing', async () => {
			const event = buildEvent(bigdd.server.shop, 'digital_order.purchased', {
				id: 'evt_v1_genuine',
			});
			expect(
				JSON.parse(
					(
						await send(
							SEQUENCE.webhookId,
							{ ...event, id: 'evt_v1_forged' },
							{ secret: 'whsec_attacker' },
						)
					).body,
				),
			).toEqual({ error: 'Invalid signature' });
			expect(JSON.parse((await send(SEQUENCE.webhookId, event)).body)).toEqual({ received: true });
			const events = await settle(SEQUENCE.id, SEQUENCE.webhookId, 1);
			expect(events.map((e) => e.id)).toContain('evt_v1_genuine');
			expect(events.map((e) => e.id)).not.toContain('evt_v1_forged');
		});

		describeExactlyOnce(target);
	});
});
