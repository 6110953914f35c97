import type { KeyBatchBody } from '../support/local-bigdd';
import { useLocalBigdd } from '../support/local-bigdd';

describe('License Key resource (engine + local BigDD)', () => {
	const bigdd = useLocalBigdd({ licenseKeys: 400, orders: 200 });
	const firstKey = (assignedToOrder: boolean) => {
		const key = bigdd.shop().licenseKeys.find((k) => (k.order_id !== null) === assignedToOrder);
		if (!key)
			throw new Error(`the seed has no ${assignedToOrder ? 'assigned' : 'available'} key left`);
		return key;
	};
	const available = () => firstKey(false);
	const assigned = () => firstKey(true);

	it('Get Many sends status, tag and search on every page', async () => {
		const tag = available().tag;
		const { items } = await bigdd.run(
			{
				resource: 'licenseKey',
				operation: 'getAll',
				returnAll: true,
				filters: { status: 'available', tag, search: 'key-' },
				options: { sort: 'created_at' },
			},
			{ settings: { typeVersion: 1 } },
		); // saved with version 1: Sort inside Options
		const expected = bigdd.shop().licenseKeys.filter((k) => k.order_id === null && k.tag === tag);
		expect(items.map((i) => i.json.id).sort()).toEqual(expected.map((k) => k.id).sort());
		for (const request of bigdd.requests()) {
			expect(request.query).toMatchObject({
				status: 'available',
				tag,
				q: 'key-',
				sort: 'created_at',
				limit: '100',
			});
		}
		expect(items.every((i) => i.json.assigned === false)).toBe(true);
	});

	describe('Validate', () => {
		it('an assigned key is licensed', async () => {
			const key = assigned();
			const { items } = await bigdd.run({
				resource: 'licenseKey',
				operation: 'validate',
				key: key.key,
			});
			expect(bigdd.requestLines()).toEqual([
				`GET /public-api/v1/license-keys/validate?key=${encodeURIComponent(key.key)}`,
			]);
			expect(items[0].json).toEqual({
				key: key.key,
				licensed: true,
				valid: true,
				assigned: true,
				tag: key.tag,
				order_name: key.order_name,
				order_id: key.order_id,
			});
		});

		it('an unsold key is valid but not licensed', async () => {
			const { items } = await bigdd.run({
				resource: 'licenseKey',
				operation: 'validate',
				key: available().key,
			});
			expect(items[0].json).toMatchObject({ licensed: false, valid: true, assigned: false });
		});

		it('an unknown key is neither valid nor licensed', async () => {
			const { items } = await bigdd.run({
				resource: 'licenseKey',
				operation: 'validate',
				key: 'FAKE-0000',
			});
			expect(items[0].json).toMatchObject({
				key: 'FAKE-0000',
				licensed: false,
				valid: false,
				assigned: false,
			});
		});

		it('one output item per input item, paired', async () => {
			const keys = [assigned().key, 'FAKE-1', available().key];
			const { items } = await bigdd.run(
				{ resource: 'licenseKey', operation: 'validate', key: '={{ $json.key }}' },
				{ items: keys.map((key) => ({ json: { key } })) },
			);
			expect(items.map((i) => [i.json.key, i.json.licensed, i.pairedItem])).toEqual([
				[keys[0], true, { item: 0 }],
				[keys[1], false, { item: 1 }],
				[keys[2], false, { item: 2 }],
			]);
		});

		it('with Continue On Fail, an empty key becomes an error item in its place and the others are answered', async () => {
			const keys = [assigned().key, '', 'FAKE-2'];
			const { items, error } = await bigdd.run(
				{ resource: 'licenseKey', operation: 'validate', key: '={{ $json.key }}' },
				{ items: keys.map((key) => ({ json: { key } })), continueOnFail: true },
			);
			expect(error).toBeUndefined();
			expect(items.map((i) => [i.json.key ?? i.json.error, i.pairedItem])).toEqual([
				[keys[0], { item: 0 }],
				['License Key is empty', { item: 1 }],
				['FAKE-2', { item: 2 }],
			]);
			expect(
				bigdd
					.requests()
					.map((r) => r.query.key)
					.sort(),
			).toEqual([keys[0], 'FAKE-2'].sort());
		});

		it('an empty key is refused before sending', async () => {
			const { error } = await bigdd.run({
				resource: 'licenseKey',
				operation: 'validate',
				key: '={{ $json.missing ?? "" }}',
			});
			expect(error?.message).toBe('License Key is empty');
			expect(bigdd.requests()).toHaveLength(0);
		});
	});

	describe('Create', () => {
		it('12,001 keys go as 5,000 / 5,000 / 2,001 with distinct, stable idempotency keys', async () => {
			const keys = Array.from({ length: 12_001 }, (_, i) => `BULK-${i}`);
			const parameters = {
				resource: 'licenseKey',
				operation: 'create',
				keys: keys.join('\n'),
				tag: 'bulk',
				duplicates: 'skip',
			};
			const { items, error } = await bigdd.run(parameters);
			expect(error).toBeUndefined();
			const requests = bigdd.requests();
			expect(requests.map((r) => [r.method, r.path, (r.body as KeyBatchBody).keys.length])).toEqual(
				[
					['POST', '/public-api/v1/license-keys', 5000],
					['POST', '/public-api/v1/license-keys', 5000],
					['POST', '/public-api/v1/license-keys', 2001],
				],
			);
			expect((requests[0].body as KeyBatchBody).keys[0]).toBe('BULK-0');
			expect((requests[2].body as KeyBatchBody).keys[2000]).toBe('BULK-12000');
			expect(
				requests.every(
					(r) =>
						(r.body as KeyBatchBody).tag === 'bulk' &&
						(r.body as KeyBatchBody).duplicates === 'skip',
				),
			).toBe(true);
			const idempotencyKeys = requests.map((r) => r.headers['idempotency-key']);
			expect(new Set(idempotencyKeys).size).toBe(3);
			expect(items).toEqual([
				{
					json: {
						created: 12_001,
						skipped: 0,
						total: 12_001,
						batches: 3,
						tag: 'bulk',
						duplicates: 'skip',
					},
					pairedItem: { item: 0 },
				},
			]);

			// Run again in a new execution (n8n's Retry, or the workflow again): same idempotency keys, so BigDD creates nothing more.
			bigdd.server().clear();
			const countBefore = bigdd.shop().licenseKeys.length;
			const again = await bigdd.run(parameters, { executionId: 'another-execution' });
			expect(bigdd.requests().map((r) => r.headers['idempotency-key'])).toEqual(idempotencyKeys);
			expect(bigdd.shop().licenseKeys).toHaveLength(countBefore);
			expect(again.items[0].json).toMatchObject({ created: 12_001, skipped: 0 });
		});

		it('a lost answer on batch 2 is resent by the node itself with the same Idempotency-Key: every key once', async () => {
			const keys = Array.from({ length: 10_500 }, (_, i) => `SELF-${i}`);
			const countBefore = bigdd.shop().licenseKeys.length;
			bigdd.server().fault({
				method: 'POST',
				path: '/public-api/v1/license-keys',
				skip: 1,
				times: 1,
				status: 502,
				afterHandler: true,
			});
			const { items, error } = await bigdd.run({
				resource: 'licenseKey',
				operation: 'create',
				keys,
				duplicates: 'create',
			});
			expect(error).toBeUndefined();
			const posts = bigdd.requests();
			expect(posts.map((r) => r.status)).toEqual([201, 502, 201, 201]);
			expect(posts[2].headers['idempotency-key']).toBe(posts[1].headers['idempotency-key']);
			expect(bigdd.shop().licenseKeys.length - countBefore).toBe(10_500);
			expect(items[0].json).toMatchObject({ created: 10_500, batches: 3 });
		});

		it("answers lost beyond the node's own retries, then Retry On Fail: every key is created exactly once", async () => {
			const keys = Array.from({ length: 10_500 }, (_, i) => `RETRY-${i}`);
			const countBefore = bigdd.shop().licenseKeys.length;
			bigdd.server().fault({
				method: 'POST',
				path: '/public-api/v1/license-keys',
				skip: 1,
				times: 4,
				status: 502,
				afterHandler: true,
			});
			const { items, error } = await bigdd.run(
				{ resource: 'licenseKey', operation: 'create', keys, duplicates: 'create' },
				{ settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 } },
			);
			expect(error).toBeUndefined();
			expect(bigdd.requests().map((r) => r.status)).toEqual([
				201, 502, 502, 502, 502, 201, 201, 201,
			]);
			expect(bigdd.shop().licenseKeys.length - countBefore).toBe(10_500);
			expect(bigdd.shop().licenseKeys.filter((k) => k.key === 'RETRY-7000')).toHaveLength(1);
			expect(items[0].json).toMatchObject({ created: 10_500, batches: 3 });
		});

		it("answers lost beyond the node's own retries fail it saying what happened; n8n's Retry (a new execution) creates nothing twice", async () => {
			const keys = Array.from({ length: 11_000 }, (_, i) => `LOST-${i}`);
			const countBefore = bigdd.shop().licenseKeys.length;
			bigdd.server().fault({
				method: 'POST',
				path: '/public-api/v1/license-keys',
				skip: 1,
				times: 4,
				status: 502,
				afterHandler: true,
			});
			const parameters = {
				resource: 'licenseKey',
				operation: 'create',
				keys,
				duplicates: 'create',
			};
			const failed = await bigdd.run(parameters, { executionId: 'first-run' });
			expect(failed.error?.description).toContain(
				'Batches 1 to 1 of 3 were answered before it: 5000 keys created, 0 skipped. Batch 2 failed; batches after it were not sent.',
			);
			expect(failed.error?.description).toContain(
				'BigDD replays what it already did instead of creating keys twice',
			);
			const retried = await bigdd.run(parameters, { executionId: 'retry-of-first-run' });
			expect(retried.error).toBeUndefined();
			expect(bigdd.requests().map((r) => r.status)).toEqual([
				201, 502, 502, 502, 502, 201, 201, 201,
			]);
			expect(bigdd.shop().licenseKeys.length - countBefore).toBe(11_000);
			expect(retried.items[0].json).toMatchObject({ created: 11_000, total: 11_000 });
		});

		it('uses the Idempotency Key the user set, suffixed per batch', async () => {
			const keys = Array.from({ length: 5_001 }, (_, i) => `USER-${i}`);
			await bigdd.run({
				resource: 'licenseKey',
				operation: 'create',
				keys,
				options: { idempotencyKey: 'import-42' },
			});
			expect(bigdd.requests().map((r) => r.headers['idempotency-key'])).toEqual([
				'import-42-1',
				'import-42-2',
			]);
		});

		it('one Idempotency Key for 3 items is made unique per item, so each item is created, not replayed', async () => {
			const countBefore = bigdd.shop().licenseKeys.length;
			const { items } = await bigdd.run(
				{
					resource: 'licenseKey',
					operation: 'create',
					keys: '={{ $json.keys }}',
					options: { idempotencyKey: 'same-for-all' },
				},
				{ items: [1, 2, 3].map((n) => ({ json: { keys: [`ITEM${n}-A`, `ITEM${n}-B`] } })) },
			);
			expect(bigdd.requests().map((r) => r.headers['idempotency-key'])).toEqual([
				'same-for-all-item1',
				'same-for-all-item2',
				'same-for-all-item3',
			]);
			expect(items.map((i) => i.json.created)).toEqual([2, 2, 2]);
			expect(bigdd.shop().licenseKeys.length - countBefore).toBe(6);
		});

		it('a bad item stops the node before any item is sent', async () => {
			const { error } = await bigdd.run(
				{ resource: 'licenseKey', operation: 'create', keys: '={{ $json.keys }}' },
				{
					items: [
						{ json: { keys: ['OK-1'] } },
						{ json: { keys: '' } },
						{ json: { keys: ['OK-3'] } },
					],
				},
			);
			expect(error).toMatchObject({ message: 'Keys is empty: add at least one key, one per line' });
			expect(bigdd.requests()).toHaveLength(0);
		});

		it('with Continue On Fail the bad item is an error item and the others are created', async () => {
			const { items } = await bigdd.run(
				{ resource: 'licenseKey', operation: 'create', keys: '={{ $json.keys }}' },
				{
					continueOnFail: true,
					items: [
						{ json: { keys: ['COF-1'] } },
						{ json: { keys: '' } },
						{ json: { keys: ['COF-3'] } },
					],
				},
			);
			expect(items.map((i) => [i.json.created ?? i.json.error, i.pairedItem])).toEqual([
				[1, { item: 0 }],
				['Keys is empty: add at least one key, one per line', { item: 1 }],
				[1, { item: 2 }],
			]);
		});

		it('Continue On Fail items carry the hint the thrown error has', async () => {
			bigdd
				.server()
				.fault({ method: 'POST', path: '/public-api/v1/license-keys', times: 4, status: 502 });
			const { items } = await bigdd.run(
				{ resource: 'licenseKey', operation: 'create', keys: 'HINT-1' },
				{ continueOnFail: true },
			);
			expect(items[0].json).toMatchObject({
				error: expect.any(String),
				description: expect.stringContaining('BigDD had a server error'),
			});
		});

		it('Duplicates Fail over more than 5,000 keys is refused up front: it could not hold across batches', async () => {
			const keys = Array.from({ length: 12_000 }, (_, i) => `FAIL-${i}`);
			const { error } = await bigdd.run({
				resource: 'licenseKey',
				operation: 'create',
				keys,
				duplicates: 'fail',
			});
			expect(error?.message).toBe(
				'Duplicates "Fail" works on at most 5,000 keys per item; this item has 12,000',
			);
			expect(bigdd.requests()).toHaveLength(0);
		});

		it('Duplicates Fail with a key listed twice is refused up front', async () => {
			const { error } = await bigdd.run({
				resource: 'licenseKey',
				operation: 'create',
				keys: 'A-1\nA-2\nA-1',
				duplicates: 'fail',
			});
			expect(error?.message).toBe('Keys lists "A-1" more than once and Duplicates is Fail');
			expect(bigdd.requests()).toHaveLength(0);
		});

		it('reports skipped duplicates', async () => {
			const existing = available().key;
			const { items } = await bigdd.run({
				resource: 'licenseKey',
				operation: 'create',
				keys: `${existing}\n\nNEW-ONE-1\n  NEW-ONE-2  `,
				duplicates: 'skip',
			});
			expect((bigdd.requests()[0].body as KeyBatchBody).keys).toEqual([
				existing,
				'NEW-ONE-1',
				'NEW-ONE-2',
			]);
			expect(items[0].json).toMatchObject({ created: 2, skipped: 1, total: 3, batches: 1 });
		});

		it('Fail mode with an existing key: the 409 explains what to change', async () => {
			const { error } = await bigdd.run({
				resource: 'licenseKey',
				operation: 'create',
				keys: available().key,
				duplicates: 'fail',
			});
			expect(error).toMatchObject({ httpCode: '409' });
			expect(error?.description).toContain('Use Skip to ignore existing keys');
		});

		it.each([
			[{ keys: '\n  \n' }, 'Keys is empty: add at least one key, one per line'],
			[{ keys: [{ key: 'x' }] }, 'Keys must be text: one per line, or an array of strings'],
			[
				{ keys: 'A', tag: 't'.repeat(121) },
				'Tag is 121 characters long; BigDD accepts at most 120',
			],
		])('refuses %j before sending anything', async (fields, message) => {
			const { error } = await bigdd.run({ resource: 'licenseKey', operation: 'create', ...fields });
			expect(error?.message).toBe(message);
			expect(bigdd.requests()).toHaveLength(0);
		});
	});

	it('Assign links an available key to an order and can email the customer', async () => {
		const key = available();
		const order = bigdd.shop().orders[3];
		const { items } = await bigdd.run({
			resource: 'licenseKey',
			operation: 'assign',
			licenseKeyId: key.id,
			orderName: order.name,
			sendEmail: true,
		});
		const [request] = bigdd.requests();
		expect(`${request.method} ${request.path}`).toBe(
			`POST /public-api/v1/license-keys/${key.id}/assign`,
		);
		expect(request.body).toEqual({ order_name: order.name, send_email: true });
		expect(items[0].json).toMatchObject({ id: key.id, assigned: true, order_name: order.name });
	});

	it('Assign on an assigned key: 409 with what to do, sent once', async () => {
		const { error } = await bigdd.run({
			resource: 'licenseKey',
			operation: 'assign',
			licenseKeyId: assigned().id,
			orderName: '#1001',
		});
		expect(error).toMatchObject({ httpCode: '409' });
		expect(error?.description).toContain('already assigned');
		expect(bigdd.requests()).toHaveLength(1);
	});

	it('Unassign releases the key', async () => {
		const key = assigned();
		const { items } = await bigdd.run({
			resource: 'licenseKey',
			operation: 'unassign',
			licenseKeyId: key.id,
		});
		expect(bigdd.requestLines()).toEqual([`POST /public-api/v1/license-keys/${key.id}/unassign`]);
		expect(items[0].json).toMatchObject({ id: key.id, assigned: false, order_id: null });
	});

	it('Delete returns { deleted: true, id }', async () => {
		const key = available();
		const { items } = await bigdd.run({
			resource: 'licenseKey',
			operation: 'delete',
			licenseKeyId: key.id,
		});
		expect(bigdd.requestLines()).toEqual([`DELETE /public-api/v1/license-keys/${key.id}`]);
		expect(items).toEqual([{ json: { deleted: true, id: key.id }, pairedItem: { item: 0 } }]);
	});

	it('Delete of an assigned key: 409 saying to unassign first', async () => {
		const { error } = await bigdd.run({
			resource: 'licenseKey',
			operation: 'delete',
			licenseKeyId: assigned().id,
		});
		expect(error?.description).toBe(
			'The key is assigned to an order. Unassign it first, then delete.',
		);
	});

	describe('429 on one-record operations is waited out, not failed', () => {
		it('Validate for 20 items while BigDD answers 429 to every 3rd request: 20 verdicts, paired', async () => {
			const key = available().key;
			for (let skip = 2; skip < 40; skip += 3)
				bigdd.server().fault({
					path: '/public-api/v1/license-keys/validate',
					skip,
					times: 1,
					status: 429,
					retryAfter: 0,
				});
			const { items, error } = await bigdd.run(
				{ resource: 'licenseKey', operation: 'validate', key: '={{ $json.key }}' },
				{ items: Array.from({ length: 20 }, () => ({ json: { key } })) },
			);
			expect(error).toBeUndefined();
			expect(items).toHaveLength(20);
			expect(items.map((i) => i.pairedItem)).toEqual(
				Array.from({ length: 20 }, (_, item) => ({ item })),
			);
			expect(items.every((i) => i.json.key === key && i.json.valid === true)).toBe(true);
			expect(bigdd.requests().filter((r) => r.status === 429).length).toBeGreaterThan(0);
		});

		it('a write (Assign) after a 429 is sent again once BigDD allows it, and takes effect once', async () => {
			const key = available();
			bigdd.server().fault({
				path: `/public-api/v1/license-keys/${key.id}/assign`,
				times: 1,
				status: 429,
				retryAfter: 1,
			});
			const { items, error } = await bigdd.run({
				resource: 'licenseKey',
				operation: 'assign',
				licenseKeyId: key.id,
				orderName: '#1001',
				sendEmail: false,
			});
			expect(error).toBeUndefined();
			expect(bigdd.requests().map((r) => r.status)).toEqual([429, 200]);
			expect(items[0].json).toMatchObject({ id: key.id, assigned: true });
		});

		it('a Retry-After longer than a minute fails with the 429 hint', async () => {
			bigdd.server().fault({
				path: '/public-api/v1/license-keys/validate',
				times: 1,
				status: 429,
				retryAfter: 3600,
			});
			const { error } = await bigdd.run({
				resource: 'licenseKey',
				operation: 'validate',
				key: 'ANY',
			});
			expect(error).toMatchObject({ httpCode: '429' });
			expect(bigdd.requests()).toHaveLength(1);
		});
	});
});
