// Every operation besides Digital Products (see digitalProduct.test.ts), run by the packed package
// inside real n8n 2.41.1 against the local BigDD server: what n8n output, and what BigDD received.
import { createHash } from 'crypto';
import type { Customer, KeyBatchBody, Shop } from '../support/local-bigdd';
import { nodeOutput } from '../../harness/n8n';
import { actionWorkflow, CREDENTIAL_TYPE } from '../../harness/workflows';
import { useN8nWithBigdd, type Bigdd, type N8n } from './fixture';

const CREDENTIAL_ID = 'bigddOpsCred0001';
const UPLOAD_BYTES = 3_000_000;

describe('all operations in real n8n', () => {
	let bigdd: Bigdd;
	let n8n: N8n;
	const runs: Record<string, unknown> = {};
	let shop: Shop;
	let fixtures: ReturnType<typeof pickFixtures>;

	function pickFixtures() {
		const uniqueOrder = shop.orders.find((o) =>
			o.lines.some((l) => l.delivering_type === 'UNIQUE'),
		);
		const linkFiles = shop.files.slice(0, 3).map((f) => f.id);
		const attached = new Set([
			...linkFiles,
			...shop.products.flatMap((p) => p.file_ids),
			...shop.orders.flatMap((o) => o.lines.flatMap((l) => l.file_ids)),
		]);
		const available = shop.licenseKeys.filter((k) => k.order_id === null);
		const assigned = shop.licenseKeys.find((k) => k.order_id !== null);
		const counts = new Map<string, number>();
		for (const o of shop.orders) counts.set(o.customer.gid, (counts.get(o.customer.gid) ?? 0) + 1);
		if (!uniqueOrder || !assigned) throw new Error('seed lacks fixtures');
		return {
			order: shop.orders[7],
			otherOrder: shop.orders[8],
			uniqueOrder,
			uniqueLine: uniqueOrder.lines.find((l) => l.delivering_type === 'UNIQUE')!,
			freeFile: shop.files.find((f) => !attached.has(f.id))!,
			linkFiles,
			keyToAssign: available[0],
			keyToDelete: available[1],
			// A copy: the writes workflow unassigns this key in the shop later.
			assigned: { ...assigned },
			customerGid: [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0],
			email: shop.orders[3].customer.email,
			// Before the writes workflow deletes one of them.
			pdfIds: shop.files.filter((f) => f.type === 'application/pdf').map((f) => f.id),
		};
	}

	const setup = useN8nWithBigdd({
		bigdd: { orders: 450, licenseKeys: 300, files: 300 },
		credentialId: CREDENTIAL_ID,
		start: false,
		workflows: (seeded, bigdd) => {
			shop = seeded;
			fixtures = pickFixtures();
			const f = fixtures;
			return [
				actionWorkflow({
					id: 'bigddOpsReads001',
					credentialId: CREDENTIAL_ID,
					nodes: [
						{
							name: 'Orders (Return All, paid)',
							parameters: {
								resource: 'order',
								operation: 'getAll',
								returnAll: true,
								filters: {
									financialStatus: ['PAID', 'REFUNDED'],
									createdAfter: '2025-12-01T00:00:00Z',
								},
								options: { include: ['downloads'], sort: 'created_at' },
							},
						},
						{
							name: 'Orders by email',
							parameters: {
								resource: 'order',
								operation: 'getAll',
								returnAll: true,
								filters: { customerEmail: f.email },
							},
						},
						{
							name: 'Get order',
							parameters: {
								resource: 'order',
								operation: 'get',
								orderId: f.order.id,
								options: { include: ['product'] },
							},
						},
						{
							name: 'Keys (Limit 150)',
							parameters: {
								resource: 'licenseKey',
								operation: 'getAll',
								limit: 150,
								filters: { status: 'available' },
							},
						},
						{
							name: 'Validate key',
							parameters: { resource: 'licenseKey', operation: 'validate', key: f.assigned.key },
						},
						{
							name: 'Files (PDF)',
							parameters: {
								resource: 'file',
								operation: 'getAll',
								returnAll: true,
								filters: { type: 'application/pdf' },
								options: { includeProducts: true },
							},
						},
						{
							name: 'Stats',
							parameters: {
								resource: 'downloadStats',
								operation: 'get',
								window: { start: '2026-05-01T00:00:00Z', end: '2026-06-01T00:00:00Z' },
							},
						},
						{
							name: 'Customer downloads',
							parameters: {
								resource: 'customer',
								operation: 'getDownloads',
								customerId: f.customerGid,
								returnAll: true,
							},
						},
						{
							// What n8n's docs suggest for an endpoint a node lacks: its credential in the HTTP Request node.
							name: 'HTTP Request with the credential',
							type: 'n8n-nodes-base.httpRequest',
							typeVersion: 4.2,
							parameters: {
								authentication: 'predefinedCredentialType',
								nodeCredentialType: CREDENTIAL_TYPE,
								url: `${bigdd.url}/public-api/v1/orders/${f.otherOrder.id}`,
								options: {},
							},
							settings: {
								credentials: { [CREDENTIAL_TYPE]: { id: CREDENTIAL_ID, name: 'BigDD' } },
							},
						},
					],
				}),
				actionWorkflow({
					id: 'bigddOpsWrites01',
					credentialId: CREDENTIAL_ID,
					nodes: [
						{
							name: 'Set access',
							parameters: {
								resource: 'order',
								operation: 'setAccess',
								orderId: f.order.id,
								access: 'disabled',
							},
						},
						{
							name: 'Reset downloads',
							parameters: {
								resource: 'order',
								operation: 'resetDownloads',
								orderId: f.order.id,
								lineId: f.order.lines[0].id,
							},
						},
						{
							name: 'Resend email',
							parameters: {
								resource: 'order',
								operation: 'resendEmail',
								orderId: f.order.id,
								options: { newEmail: 'support-moved@example.com' },
							},
						},
						{
							name: 'Set line files',
							parameters: {
								resource: 'order',
								operation: 'setLineFiles',
								orderId: f.uniqueOrder.id,
								lineId: f.uniqueLine.id,
								fileIds: f.linkFiles.slice(0, 2).join(','),
								sendEmail: true,
							},
						},
						{
							name: 'Create 12,001 keys',
							parameters: {
								resource: 'licenseKey',
								operation: 'create',
								keys: Array.from({ length: 12_001 }, (_, i) => `E2E-${i}`).join('\n'),
								tag: 'e2e',
								duplicates: 'create',
							},
							settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 },
						},
						{
							name: 'Assign key',
							parameters: {
								resource: 'licenseKey',
								operation: 'assign',
								licenseKeyId: f.keyToAssign.id,
								orderName: f.order.name,
								sendEmail: false,
							},
						},
						{
							name: 'Unassign key',
							parameters: {
								resource: 'licenseKey',
								operation: 'unassign',
								licenseKeyId: f.assigned.id,
							},
						},
						{
							name: 'Delete key',
							parameters: {
								resource: 'licenseKey',
								operation: 'delete',
								licenseKeyId: f.keyToDelete.id,
							},
						},
						{
							name: 'Delete file',
							parameters: { resource: 'file', operation: 'delete', fileId: f.freeFile.id },
						},
						{
							name: 'Create link',
							parameters: {
								resource: 'downloadLink',
								operation: 'create',
								fileIds: f.linkFiles.join(','),
								useDownloadLimit: true,
								downloadLimit: 3,
								useStamping: true,
								stampingText: 'Licensed to Jane',
							},
						},
					],
				}),
				actionWorkflow({
					id: 'bigddOpsUpload01',
					credentialId: CREDENTIAL_ID,
					nodes: [
						{
							name: 'Download blob',
							type: 'n8n-nodes-base.httpRequest',
							typeVersion: 4.2,
							parameters: {
								url: `${bigdd.url}/__admin/blob?size=${UPLOAD_BYTES}&seed=7`,
								options: { response: { response: { responseFormat: 'file' } } },
							},
						},
						{
							name: 'Upload',
							after: 'Download blob',
							parameters: {
								resource: 'file',
								operation: 'upload',
								binaryPropertyName: 'data',
								options: { fileName: 'presets-v3.zip' },
							},
						},
						{
							name: 'Download 25 MB + 1',
							type: 'n8n-nodes-base.httpRequest',
							typeVersion: 4.2,
							parameters: {
								url: `${bigdd.url}/__admin/blob?size=${25 * 1024 * 1024 + 1}&seed=8`,
								options: { response: { response: { responseFormat: 'file' } } },
							},
						},
						{
							name: 'Upload too big',
							after: 'Download 25 MB + 1',
							parameters: { resource: 'file', operation: 'upload', binaryPropertyName: 'data' },
							settings: { onError: 'continueRegularOutput' },
						},
					],
				}),
			];
		},
	});

	beforeAll(async () => {
		bigdd = setup.bigdd();
		n8n = setup.n8n();
		bigdd.clear();
		// A 429 on the 2nd page of the paid-orders export, and a lost answer on key batch 2.
		bigdd.server.addFaults([
			{
				method: 'GET',
				path: '/public-api/v1/orders',
				skip: 1,
				times: 1,
				status: 429,
				retryAfter: 1,
			},
			{
				method: 'POST',
				path: '/public-api/v1/license-keys',
				skip: 1,
				times: 1,
				status: 502,
				afterHandler: true,
			},
		]);
		for (const id of ['bigddOpsReads001', 'bigddOpsWrites01', 'bigddOpsUpload01'])
			runs[id] = await n8n.execute(id);
	});

	const reads = (node: string) => nodeOutput(runs.bigddOpsReads001, node).items;
	const writes = (node: string) => nodeOutput(runs.bigddOpsWrites01, node).items;
	const { received } = setup;

	describe('reads', () => {
		it('order Get Many: every filter on every page, a 429 waited out, each order once', () => {
			const items = reads('Orders (Return All, paid)');
			const expected = shop.orders.filter(
				(o) => ['PAID', 'REFUNDED'].includes(o.financial_status) && o.created_at >= '2025-12-01',
			);
			expect(items.map((o: { id: string }) => o.id).sort()).toEqual(
				expected.map((o) => o.id).sort(),
			);
			const pages = received('GET', '/orders').filter((r) => r.query.created_after);
			expect(pages.map((r) => r.status)).toEqual([
				200,
				429,
				...Array(Math.ceil(expected.length / 100) - 1).fill(200),
			]);
			for (const page of pages) {
				expect(page.query).toMatchObject({
					financial_status: ['PAID', 'REFUNDED'],
					created_after: '2025-12-01T00:00:00.000Z',
					include: 'downloads',
					sort: 'created_at',
					limit: '100',
				});
			}
			expect(pages[2].query.cursor).toBe(pages[1].query.cursor);
		});

		it('order Get Many by customer email', () => {
			const items = reads('Orders by email');
			expect(items.length).toBeGreaterThan(0);
			expect(items.every((o: { customer: Customer }) => o.customer.email === fixtures.email)).toBe(
				true,
			);
			expect(
				received('GET', '/orders').some((r) => r.query.customer_email === fixtures.email),
			).toBe(true);
		});

		it("the credential in n8n's HTTP Request node (predefined credential type) sends the token to the full URL it is given", () => {
			expect(reads('HTTP Request with the credential')).toEqual([
				expect.objectContaining({ data: expect.objectContaining({ id: fixtures.otherOrder.id }) }),
			]);
			const [request] = received('GET', `/orders/${fixtures.otherOrder.id}`);
			expect(request.headers.authorization).toBe(`Bearer ${setup.bigdd().server.token}`);
		});

		it('order Get', () => {
			expect(reads('Get order')).toEqual([
				expect.objectContaining({ id: fixtures.order.id, name: fixtures.order.name }),
			]);
			expect(received('GET', `/orders/${fixtures.order.id}`)[0].rawQuery).toBe('include=product');
		});

		it('license key Get Many with a Limit across a page boundary', () => {
			expect(reads('Keys (Limit 150)')).toHaveLength(150);
			expect(received('GET', '/license-keys').map((r) => [r.query.status, r.query.limit])).toEqual([
				['available', '100'],
				['available', '50'],
			]);
		});

		it('license key Validate says licensed', () => {
			expect(reads('Validate key')).toEqual([
				{
					key: fixtures.assigned.key,
					licensed: true,
					valid: true,
					assigned: true,
					tag: fixtures.assigned.tag,
					order_name: fixtures.assigned.order_name,
					order_id: fixtures.assigned.order_id,
				},
			]);
		});

		it('file Get Many', () => {
			expect(
				reads('Files (PDF)')
					.map((f: { id: string }) => f.id)
					.sort(),
			).toEqual([...fixtures.pdfIds].sort());
			expect(
				received('GET', '/files').every(
					(r) => r.query.type === 'application/pdf' && r.query.include === 'products',
				),
			).toBe(true);
		});

		it('download stats Get', () => {
			const [stats] = reads('Stats');
			const inWindow = shop.downloads.filter(
				(d) => d.created_at >= '2026-05-01' && d.created_at < '2026-06-01',
			);
			expect(stats).toMatchObject({
				total_downloads: inWindow.length,
				period: { start: '2026-05-01T00:00:00.000Z' },
			});
		});

		it('customer Get Downloads by GID', () => {
			const items = reads('Customer downloads');
			expect(items.length).toBe(
				shop.orders.filter((o) => o.customer.gid === fixtures.customerGid).length,
			);
			expect(
				received('GET', `/customers/${fixtures.customerGid.split('/').pop()}/downloads`),
			).toHaveLength(1);
		});
	});

	describe('writes', () => {
		it('order Set Access', () => {
			expect(writes('Set access')[0]).toMatchObject({
				id: fixtures.order.id,
				dl_access: 'disabled',
			});
			expect(received('POST', `/orders/${fixtures.order.id}/access`)[0].body).toEqual({
				access: 'disabled',
			});
		});

		it('order Reset Downloads', () => {
			expect(writes('Reset downloads')[0]).toEqual({
				order_id: fixtures.order.id,
				line_id: fixtures.order.lines[0].id,
				download_count: 0,
			});
			expect(received('POST', `/orders/${fixtures.order.id}/reset-downloads`)[0].body).toEqual({
				line_id: fixtures.order.lines[0].id,
			});
		});

		it('order Resend Email to a new address', () => {
			expect(writes('Resend email')[0]).toMatchObject({
				sent: true,
				email: 'support-moved@example.com',
			});
			expect(received('POST', `/orders/${fixtures.order.id}/resend-email`)[0].body).toEqual({
				customer_email: 'support-moved@example.com',
			});
			expect(shop.emails.some((e) => e.to === 'support-moved@example.com')).toBe(true);
		});

		it('order Set Line Files', () => {
			const [request] = received(
				'PUT',
				`/orders/${fixtures.uniqueOrder.id}/lines/${fixtures.uniqueLine.id}/files`,
			);
			expect(request.body).toEqual({ file_ids: fixtures.linkFiles.slice(0, 2), send_email: true });
			expect(fixtures.uniqueLine.file_ids).toEqual(fixtures.linkFiles.slice(0, 2));
			expect(writes('Set line files')).toHaveLength(1);
		});

		it('license key Create: 3 batches, a lost answer resent with the same Idempotency-Key, every key created once', () => {
			expect(writes('Create 12,001 keys')).toEqual([
				{
					created: 12_001,
					skipped: 0,
					total: 12_001,
					batches: 3,
					tag: 'e2e',
					duplicates: 'create',
				},
			]);
			const posts = received('POST', '/license-keys');
			// The node resends batch 2 itself with the same Idempotency-Key; BigDD replays it.
			expect(posts.map((r) => [r.status, (r.body as KeyBatchBody).keys.length])).toEqual([
				[201, 5000],
				[502, 5000],
				[201, 5000],
				[201, 2001],
			]);
			const keys = posts.map((r) => r.headers['idempotency-key']);
			expect(new Set(keys).size).toBe(3);
			expect(keys[2]).toBe(keys[1]);
			expect(shop.licenseKeys.filter((k) => k.key.startsWith('E2E-'))).toHaveLength(12_001);
		});

		it('license key Assign, Unassign, Delete', () => {
			expect(writes('Assign key')[0]).toMatchObject({
				id: fixtures.keyToAssign.id,
				assigned: true,
				order_name: fixtures.order.name,
			});
			expect(received('POST', `/license-keys/${fixtures.keyToAssign.id}/assign`)[0].body).toEqual({
				order_name: fixtures.order.name,
				send_email: false,
			});
			expect(writes('Unassign key')[0]).toMatchObject({
				id: fixtures.assigned.id,
				assigned: false,
			});
			expect(writes('Delete key')).toEqual([{ deleted: true, id: fixtures.keyToDelete.id }]);
			expect(received('DELETE', `/license-keys/${fixtures.keyToDelete.id}`)).toHaveLength(1);
		});

		it('file Delete', () => {
			expect(writes('Delete file')).toEqual([{ deleted: true, id: fixtures.freeFile.id }]);
		});

		it('download link Create', () => {
			expect(writes('Create link')[0]).toMatchObject({
				url: expect.stringContaining('/dl/'),
				file_ids: fixtures.linkFiles,
				download_limit: 3,
			});
			expect(received('POST', '/download-links')[0].body).toEqual({
				file_ids: fixtures.linkFiles,
				use_download_limit: true,
				download_limit: 3,
				use_stamping: true,
				stamping_text: 'Licensed to Jane',
			});
		});
	});

	it("file Upload: a 3 MB binary from n8n's filesystem binary mode arrives byte-exact", () => {
		const { deterministicBytes } = jest.requireActual('../../dev-server/server');
		const expected = createHash('sha256').update(deterministicBytes(UPLOAD_BYTES, 7)).digest('hex');
		const [request] = received('POST', '/files');
		expect(request.multipart?.files).toEqual([
			{
				field: 'file',
				filename: 'presets-v3.zip',
				contentType: 'application/zip',
				size: UPLOAD_BYTES,
				sha256: expected,
			},
		]);
		expect(nodeOutput(runs.bigddOpsUpload01, 'Upload').items).toEqual([
			expect.objectContaining({
				name: 'presets-v3.zip',
				size: UPLOAD_BYTES,
				type: 'application/zip',
				uploaded: true,
			}),
		]);
	});

	it('file Upload of 25 MB + 1 byte is refused in n8n before anything is sent', () => {
		expect(nodeOutput(runs.bigddOpsUpload01, 'Upload too big').items).toEqual([
			{
				error: 'The file is 25.0 MB; BigDD accepts at most 25 MB through the API',
				description:
					'Nothing was sent. Upload bigger files in the BigDD admin, which accepts larger sizes.',
			},
		]);
		expect(received('POST', '/files')).toHaveLength(1);
	});
});
