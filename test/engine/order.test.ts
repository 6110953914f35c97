import type { Customer, OrderLine } from '../support/local-bigdd';
import { useLocalBigdd } from '../support/local-bigdd';

describe('Order resource (engine + local BigDD)', () => {
	const bigdd = useLocalBigdd({ orders: 400 });
	const order = () => bigdd.shop().orders[10];

	describe('Sort, by node version', () => {
		it.each([
			[
				'1 (saved workflows): inside Options',
				1,
				{ options: { include: ['downloads'], sort: 'created_at' } },
			],
			[
				'1.1 (new nodes): its own collection',
				1.1,
				{ options: { include: ['downloads'] }, sort: { sortBy: 'created_at' } },
			],
		])(
			'version %s, sent on every page with the other options',
			async (_, typeVersion, parameters) => {
				const { items, error } = await bigdd.run(
					{ resource: 'order', operation: 'getAll', limit: 150, ...parameters },
					{ settings: { typeVersion } },
				);
				expect(error).toBeUndefined();
				const oldestFirst = [...bigdd.shop().orders]
					.sort((a, b) => a.created_at.localeCompare(b.created_at))
					.slice(0, 150);
				expect(items.map((i) => i.json.id)).toEqual(oldestFirst.map((o) => o.id));
				expect(bigdd.requests().map((r) => [r.query.sort, r.query.include])).toEqual([
					['created_at', 'downloads'],
					['created_at', 'downloads'],
				]);
			},
		);

		it('version 1.1 ignores a Sort left inside Options by an imported version 1 node', async () => {
			const { error } = await bigdd.run(
				{ resource: 'order', operation: 'getAll', limit: 1, options: { sort: 'created_at' } },
				{ settings: { typeVersion: 1.1 } },
			);
			expect(error).toBeUndefined();
			expect(bigdd.requests().map((r) => r.query.sort)).toEqual([undefined]);
		});
	});

	it('Get Many sends every filter on every page and returns each matching order once', async () => {
		const product = bigdd.shop().orders[0].lines[0].digital_product_id;
		const { items, error } = await bigdd.run(
			{
				resource: 'order',
				operation: 'getAll',
				returnAll: true,
				filters: {
					createdAfter: '2025-11-01T00:00:00Z',
					createdBefore: '2026-11-01T00:00:00Z',
					financialStatus: ['PAID', 'REFUNDED'],
					digitalProductIds: `${product}, 6789abcdef0123456789abcd`,
				},
				options: { include: ['downloads', 'product'], sort: '-created_at' },
			},
			{ settings: { typeVersion: 1 } },
		); // saved with version 1: Sort inside Options
		expect(error).toBeUndefined();
		const expected = bigdd
			.shop()
			.orders.filter(
				(o) =>
					['PAID', 'REFUNDED'].includes(o.financial_status) &&
					o.lines.some((l) => l.digital_product_id === product),
			);
		expect(items.map((i) => i.json.id).sort()).toEqual(expected.map((o) => o.id).sort());
		const requests = bigdd.requests();
		expect(requests).toHaveLength(Math.max(1, Math.ceil(expected.length / 100)));
		for (const request of requests) {
			expect(request.query).toMatchObject({
				created_after: '2025-11-01T00:00:00.000Z',
				created_before: '2026-11-01T00:00:00.000Z',
				financial_status: ['PAID', 'REFUNDED'],
				digital_product_id: [product, '6789abcdef0123456789abcd'],
				include: ['downloads', 'product'],
				sort: '-created_at',
				limit: '100',
			});
		}
		expect(requests[0].rawQuery).toContain('financial_status=PAID&financial_status=REFUNDED');
		expect((items[0].json.lines as OrderLine[])[0]).toHaveProperty('downloads');
	});

	it("finds a customer's orders by email, the question support asks most", async () => {
		const email = order().customer.email;
		const { items } = await bigdd.run({
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
			filters: { customerEmail: email },
		});
		expect(bigdd.requests()[0].query.customer_email).toBe(email);
		expect(items.length).toBeGreaterThan(0);
		expect(items.every((i) => (i.json.customer as Customer).email === email)).toBe(true);
	});

	it('reads a date without a zone in the workflow time zone', async () => {
		await bigdd.run({
			resource: 'order',
			operation: 'getAll',
			limit: 1,
			filters: { createdAfter: '2026-05-01T00:00:00' },
		});
		// The engine's default workflow time zone is America/New_York (UTC-4 in May).
		expect(bigdd.requests()[0].query.created_after).toBe('2026-05-01T04:00:00.000Z');
	});

	it.each([
		[{ customerEmail: 'not-an-email' }, 'Customer Email is not an email address'],
		[{ createdAfter: 'yesterday' }, 'Created After is not a date'],
		[{ search: '#'.repeat(121) }, 'Search is 121 characters long; BigDD accepts at most 120'],
	])('refuses %j before sending anything', async (filters, message) => {
		const { error } = await bigdd.run({
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
			filters,
		});
		expect(error?.message).toBe(message);
		expect(bigdd.requests()).toHaveLength(0);
	});

	it('Get returns the order with download events when asked', async () => {
		const { items } = await bigdd.run({
			resource: 'order',
			operation: 'get',
			orderId: order().id,
			options: { include: ['downloads'] },
		});
		expect(bigdd.requestLines()).toEqual([
			`GET /public-api/v1/orders/${order().id}?include=downloads`,
		]);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ id: order().id, name: order().name });
	});

	it('Set Access disables the download page', async () => {
		const { items } = await bigdd.run({
			resource: 'order',
			operation: 'setAccess',
			orderId: order().id,
			access: 'disabled',
		});
		const [request] = bigdd.requests();
		expect(`${request.method} ${request.path}`).toBe(
			`POST /public-api/v1/orders/${order().id}/access`,
		);
		expect(request.body).toEqual({ access: 'disabled' });
		expect(items[0].json).toMatchObject({ id: order().id, dl_access: 'disabled' });
	});

	it('Reset Downloads sends the line', async () => {
		const line = order().lines[0];
		const { items } = await bigdd.run({
			resource: 'order',
			operation: 'resetDownloads',
			orderId: order().id,
			lineId: line.id,
		});
		const [request] = bigdd.requests();
		expect(`${request.method} ${request.path}`).toBe(
			`POST /public-api/v1/orders/${order().id}/reset-downloads`,
		);
		expect(request.body).toEqual({ line_id: line.id });
		expect(items[0].json).toEqual({ order_id: order().id, line_id: line.id, download_count: 0 });
	});

	it('Resend Email sends an empty body to resend to the original address', async () => {
		const sentBefore = bigdd.shop().emails.length;
		const { items } = await bigdd.run({
			resource: 'order',
			operation: 'resendEmail',
			orderId: order().id,
		});
		const [request] = bigdd.requests();
		expect(`${request.method} ${request.path}`).toBe(
			`POST /public-api/v1/orders/${order().id}/resend-email`,
		);
		expect(request.body).toEqual({});
		expect(items[0].json).toMatchObject({ sent: true, email: order().customer.email });
		expect(bigdd.shop().emails).toHaveLength(sentBefore + 1);
	});

	it('Resend Email to a new address sends it and refuses a malformed one before sending', async () => {
		await bigdd.run({
			resource: 'order',
			operation: 'resendEmail',
			orderId: order().id,
			options: { newEmail: 'new@example.com' },
		});
		expect(bigdd.requests()[0].body).toEqual({ customer_email: 'new@example.com' });
		bigdd.server().clear();
		const { error } = await bigdd.run({
			resource: 'order',
			operation: 'resendEmail',
			orderId: order().id,
			options: { newEmail: 'nope' },
		});
		expect(error?.message).toBe('New Email is not an email address');
		expect(bigdd.requests()).toHaveLength(0);
	});

	it('Resend Email on a 5xx is not retried and says it may have been sent', async () => {
		bigdd.server().fault({ path: `/public-api/v1/orders/${order().id}/resend-email`, status: 502 });
		const { error } = await bigdd.run({
			resource: 'order',
			operation: 'resendEmail',
			orderId: order().id,
		});
		expect(bigdd.requests()).toHaveLength(1);
		expect(error).toMatchObject({ httpCode: '502' });
		expect(error?.description).toContain('not retried automatically');
	});

	describe('Set Line Files', () => {
		const uniqueLine = () => {
			for (const o of bigdd.shop().orders) {
				const line = o.lines.find((l) => l.delivering_type === 'UNIQUE');
				if (line) return { order: o, line };
			}
			throw new Error('no UNIQUE line in the seed');
		};

		it('sets the files from a comma-separated list and emails the customer', async () => {
			const { order: o, line } = uniqueLine();
			const [a, b] = bigdd.shop().files;
			const { items } = await bigdd.run({
				resource: 'order',
				operation: 'setLineFiles',
				orderId: o.id,
				lineId: line.id,
				fileIds: `${a.id}, ${b.id}`,
				sendEmail: true,
			});
			const [request] = bigdd.requests();
			expect(`${request.method} ${request.path}`).toBe(
				`PUT /public-api/v1/orders/${o.id}/lines/${line.id}/files`,
			);
			expect(request.body).toEqual({ file_ids: [a.id, b.id], send_email: true });
			expect((items[0].json.lines as OrderLine[]).find((l) => l.id === line.id)?.file_ids).toEqual([
				a.id,
				b.id,
			]);
		});

		it('Remove All Files clears the line', async () => {
			const { order: o, line } = uniqueLine();
			await bigdd.run({
				resource: 'order',
				operation: 'setLineFiles',
				orderId: o.id,
				lineId: line.id,
				removeAllFiles: true,
				sendEmail: false,
			});
			expect(bigdd.requests()[0].body).toEqual({ file_ids: [], send_email: false });
			expect(line.file_ids).toEqual([]);
		});

		it.each([
			['empty', ''],
			['an expression that gives null', null],
			['an expression that gives undefined', undefined],
			['an empty array', []],
		])('File IDs %s is refused and the line keeps its files', async (_name, fileIds) => {
			const { order: o, line } = uniqueLine();
			const before = [...line.file_ids];
			const { error } = await bigdd.run({
				resource: 'order',
				operation: 'setLineFiles',
				orderId: o.id,
				lineId: line.id,
				fileIds: `={{ ${JSON.stringify(fileIds) ?? 'undefined'} }}`,
			});
			expect(error?.message).toBe('File IDs must list 1 to 100 files; got 0');
			expect(error?.description).toContain('To empty the line, turn on Remove All Files');
			expect(bigdd.requests()).toHaveLength(0);
			expect(line.file_ids).toEqual(before);
		});

		it('more than 100 files are refused before sending', async () => {
			const { order: o, line } = uniqueLine();
			const fileIds = Array.from({ length: 101 }, (_, i) => `file_${i}`);
			const { error } = await bigdd.run({
				resource: 'order',
				operation: 'setLineFiles',
				orderId: o.id,
				lineId: line.id,
				fileIds,
			});
			expect(error?.message).toBe('File IDs must list 1 to 100 files; got 101');
			expect(bigdd.requests()).toHaveLength(0);
		});
	});

	it("a missing order gives BigDD's message and the 404 hint", async () => {
		const { error } = await bigdd.run({
			resource: 'order',
			operation: 'get',
			orderId: 'missing-order',
		});
		expect(error).toMatchObject({ message: 'Order missing-order not found', httpCode: '404' });
	});

	describe('IDs that are not one ID never leave their path', () => {
		it.each([
			['empty', '', 'Order ID is empty'],
			['"."', '.', 'Order ID is not an ID, got "."'],
			['".."', '..', 'Order ID is not an ID, got ".."'],
			['a slash', 'abc/../x', 'Order ID is not an ID, got "abc/../x"'],
			['null', null, 'Order ID must be one ID, got null'],
			['an array', ['a', 'b'], 'Order ID must be one ID, got an array (["a","b"])'],
			['an object', { id: 'a' }, 'Order ID must be one ID, got an object ({"id":"a"})'],
		])(
			'Order ID from an expression giving %s: refused naming the field, nothing sent',
			async (_name, value, message) => {
				const { error } = await bigdd.run({
					resource: 'order',
					operation: 'get',
					orderId: `={{ ${JSON.stringify(value)} }}`,
				});
				expect(error?.message).toBe(message);
				expect(bigdd.requests()).toHaveLength(0);
			},
		);

		it('a Line ID of ".." is refused too', async () => {
			const { error } = await bigdd.run({
				resource: 'order',
				operation: 'setLineFiles',
				orderId: order().id,
				lineId: '..',
				fileIds: 'file_1',
			});
			expect(error?.message).toBe('Line ID is not an ID, got ".."');
			expect(bigdd.requests()).toHaveLength(0);
		});

		it.each([
			['empty', '', 'Line ID is empty'],
			['null', null, 'Line ID must be one ID, got null'],
			['an array', ['l1', 'l2'], 'Line ID must be one ID, got an array (["l1","l2"])'],
			['an object', { id: 'l1' }, 'Line ID must be one ID, got an object ({"id":"l1"})'],
		])(
			'Reset Downloads with a Line ID from an expression giving %s: refused naming the field, nothing sent',
			async (_name, value, message) => {
				const { error } = await bigdd.run({
					resource: 'order',
					operation: 'resetDownloads',
					orderId: order().id,
					lineId: `={{ ${JSON.stringify(value)} }}`,
				});
				expect(error?.message).toBe(message);
				expect(bigdd.requests()).toHaveLength(0);
			},
		);

		it('Reset Downloads sends a Line ID as BigDD wrote it, spaces trimmed', async () => {
			const line = order().lines[1] ?? order().lines[0];
			const { error } = await bigdd.run({
				resource: 'order',
				operation: 'resetDownloads',
				orderId: order().id,
				lineId: ` ${line.id} `,
			});
			expect(error).toBeUndefined();
			expect(bigdd.requests()[0].body).toEqual({ line_id: line.id });
		});

		it('a numeric ID and surrounding spaces are fine', async () => {
			const { error } = await bigdd.run({
				resource: 'order',
				operation: 'get',
				orderId: ` ${order().id} `,
			});
			expect(error).toBeUndefined();
			expect(bigdd.requests()[0].path).toBe(`/public-api/v1/orders/${order().id}`);
		});
	});

	describe('values that would widen or empty a list are refused', () => {
		it.each([
			[0, 'Got 0.'],
			[-5, 'Got -5.'],
			[2.5, 'Got 2.5.'],
			['ten', 'Got "ten".'],
			[null, 'Got null.'],
		])('Limit %p', async (limit, got) => {
			const { error } = await bigdd.run({
				resource: 'order',
				operation: 'getAll',
				returnAll: false,
				limit,
			});
			expect(error?.message).toBe('Limit must be a whole number of 1 or more');
			expect(error?.description).toContain(got);
			expect(bigdd.requests()).toHaveLength(0);
		});

		it('a Limit of "3" from an expression is 3', async () => {
			const { items } = await bigdd.run({
				resource: 'order',
				operation: 'getAll',
				returnAll: false,
				limit: '3',
			});
			expect(items).toHaveLength(3);
		});

		it('Digital Product IDs given an object is refused', async () => {
			const { error } = await bigdd.run({
				resource: 'order',
				operation: 'getAll',
				returnAll: true,
				filters: { digitalProductIds: { id: 'x' } },
			});
			expect(error?.message).toBe('Digital Product IDs must be IDs, got an object ({"id":"x"})');
			expect(bigdd.requests()).toHaveLength(0);
		});

		it.each([['2026-02-30'], ['2026-13-01'], ['2026-04-31T10:00:00Z'], ['2026-05-01T24:00']])(
			'the date %s is refused, not rolled over',
			async (createdAfter) => {
				const { error } = await bigdd.run({
					resource: 'order',
					operation: 'getAll',
					returnAll: true,
					filters: { createdAfter },
				});
				expect(error?.message).toBe('Created After is not a date');
				expect(bigdd.requests()).toHaveLength(0);
			},
		);
	});

	describe('optional fields added but left empty are simply not sent', () => {
		it('an empty Customer Email and Search are not sent (not "not an email", not q=)', async () => {
			const { error, items } = await bigdd.run({
				resource: 'order',
				operation: 'getAll',
				limit: 5,
				filters: { customerEmail: '', search: '  ' },
			});
			expect(error).toBeUndefined();
			expect(items).toHaveLength(5);
			expect(bigdd.requestLines()).toEqual(['GET /public-api/v1/orders?limit=5']);
		});

		it('Resend Email with New Email added but empty resends to the original address', async () => {
			const { error } = await bigdd.run({
				resource: 'order',
				operation: 'resendEmail',
				orderId: order().id,
				options: { newEmail: '={{ "" }}' },
			});
			expect(error).toBeUndefined();
			expect(bigdd.requests()[0].body).toEqual({});
		});
	});

	describe('secrets never reach errors or stored executions', () => {
		it("an error body that quotes the token is redacted in the message and the error's data", async () => {
			const token = bigdd.server().credentials.apiToken;
			bigdd.server().fault({
				path: `/public-api/v1/orders/${order().id}`,
				status: 400,
				body: {
					error: { status: 400, code: 'bad', message: `Token ${token} is not allowed here` },
				},
			});
			const { error } = await bigdd.run({
				resource: 'order',
				operation: 'get',
				orderId: order().id,
			});
			expect(error?.message).toBe('Token [redacted] is not allowed here');
			expect(JSON.stringify(error)).not.toContain(token);
		});

		it('every signing secret of the credential is redacted too, whichever field holds it', async () => {
			const credentials = {
				webhookSigningSecret: 'whsec_first_endpoint',
				webhookSigningSecret2: 'whsec_second_a, whsec_second_b',
				webhookSigningSecret5: 'whsec_fifth_endpoint',
			};
			bigdd.server().fault({
				path: `/public-api/v1/orders/${order().id}`,
				status: 400,
				body: { error: { message: 'whsec_first_endpoint whsec_second_b whsec_fifth_endpoint' } },
			});
			const { error } = await bigdd.run(
				{ resource: 'order', operation: 'get', orderId: order().id },
				{ credentials },
			);
			expect(error?.message).toBe('[redacted] [redacted] [redacted]');
			expect(JSON.stringify(error)).not.toMatch(/whsec_(first|second|fifth)/);
		});
	});
});
