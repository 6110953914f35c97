import { useLocalBigdd } from '../support/local-bigdd';

describe('Download Link resource (engine + local BigDD)', () => {
	const bigdd = useLocalBigdd({ files: 50 });
	const fileIds = () =>
		bigdd
			.shop()
			.files.slice(0, 2)
			.map((f) => f.id);

	it('creates a limited, stamped link', async () => {
		const { items } = await bigdd.run({
			resource: 'downloadLink',
			operation: 'create',
			fileIds: fileIds(),
			useDownloadLimit: true,
			downloadLimit: 3,
			useStamping: true,
			stampingText: 'Licensed to: jane@example.com — Order #1042',
		});
		const [request] = bigdd.requests();
		expect(`${request.method} ${request.path}`).toBe('POST /public-api/v1/download-links');
		expect(request.body).toEqual({
			file_ids: fileIds(),
			use_download_limit: true,
			download_limit: 3,
			use_stamping: true,
			stamping_text: 'Licensed to: jane@example.com — Order #1042',
		});
		expect(items[0].json).toMatchObject({
			url: expect.stringContaining('/dl/'),
			download_limit: 3,
			use_stamping: true,
		});
	});

	it('sends no limit or stamping text when they are off', async () => {
		await bigdd.run({
			resource: 'downloadLink',
			operation: 'create',
			fileIds: fileIds().join(','),
			downloadLimit: 9,
			stampingText: 'x',
		});
		expect(bigdd.requests()[0].body).toEqual({
			file_ids: fileIds(),
			use_download_limit: false,
			use_stamping: false,
		});
	});

	it.each([
		[{ fileIds: '={{ [] }}' }, 'File IDs must list 1 to 100 files; got 0'],
		[
			{ fileIds: Array.from({ length: 101 }, (_, i) => `f${i}`) },
			'File IDs must list 1 to 100 files; got 101',
		],
		[
			{ fileIds: 'f1', useStamping: true, stampingText: 's'.repeat(501) },
			'Stamping Text is 501 characters long; BigDD accepts at most 500',
		],
		[
			{ fileIds: 'f1', useDownloadLimit: true, downloadLimit: -1 },
			'Download Limit must be a whole number of 0 or more',
		],
	])('refuses %j before sending anything', async (fields, message) => {
		const { error } = await bigdd.run({ resource: 'downloadLink', operation: 'create', ...fields });
		expect(error?.message).toBe(message);
		expect(bigdd.requests()).toHaveLength(0);
	});

	describe('BigDD cannot list links later, so no URL may be lost', () => {
		const items = () =>
			Array.from({ length: 50 }, (_, i) => ({
				json: {
					files: fileIds(),
					stamp: i === 16 ? 's'.repeat(501) : `Licensed to customer ${i + 1}`,
				},
			}));
		const parameters = {
			resource: 'downloadLink',
			operation: 'create',
			fileIds: '={{ $json.files }}',
			useStamping: true,
			stampingText: '={{ $json.stamp }}',
		};

		it('50 items with item 17 invalid: refused before the first link is created', async () => {
			const { error } = await bigdd.run(parameters, { items: items() });
			expect(error).toMatchObject({
				message: 'Stamping Text is 501 characters long; BigDD accepts at most 500',
			});
			expect(bigdd.requests()).toHaveLength(0);
		});

		it('with Continue On Fail: 49 links, each paired with its item, and an error item for item 17', async () => {
			const { items: output } = await bigdd.run(parameters, {
				items: items(),
				continueOnFail: true,
			});
			expect(bigdd.requests()).toHaveLength(49);
			expect(output).toHaveLength(50);
			expect(output.map((o) => o.pairedItem)).toEqual(
				Array.from({ length: 50 }, (_, item) => ({ item })),
			);
			expect(output[16].json).toMatchObject({
				error: 'Stamping Text is 501 characters long; BigDD accepts at most 500',
			});
			expect(output.filter((o) => typeof o.json.url === 'string')).toHaveLength(49);
		});

		describe("many items go at once, at the pace of the credential's lane", () => {
			const manyItems = () =>
				Array.from({ length: 300 }, (_, i) => ({ json: { files: bigdd.shop().files[i % 50].id } }));
			const manyParameters = {
				resource: 'downloadLink',
				operation: 'create',
				fileIds: '={{ $json.files }}',
			};

			it('300 items: 300 links, each paired with its item and for its own file, in input order', async () => {
				const { items: output, error } = await bigdd.run(manyParameters, { items: manyItems() });
				expect(error).toBeUndefined();
				expect(bigdd.requests()).toHaveLength(300);
				expect(output.map((o) => o.pairedItem)).toEqual(
					Array.from({ length: 300 }, (_, item) => ({ item })),
				);
				expect(output.map((o) => (o.json.file_ids as string[])[0])).toEqual(
					manyItems().map((item) => item.json.files),
				);
				expect(output.every((o) => typeof o.json.url === 'string')).toBe(true);
			});

			it('BigDD failing one link (500): that error stops the node and the links still waiting for their turn are not created', async () => {
				bigdd
					.server()
					.fault({ method: 'POST', path: '/public-api/v1/download-links', skip: 20, status: 500 });
				const { error } = await bigdd.run(manyParameters, { items: manyItems() });
				expect(error).toMatchObject({ httpCode: '500' });
				const sent = bigdd.requests().length;
				// Only what was already in flight went on: the lane lets 10 in, one more per answer.
				expect(sent).toBeGreaterThan(20);
				expect(sent).toBeLessThan(100);
			});

			it('BigDD failing one link with Continue On Fail: 299 links and one error item, each paired, nothing stopped', async () => {
				bigdd
					.server()
					.fault({ method: 'POST', path: '/public-api/v1/download-links', skip: 20, status: 500 });
				const { items: output, error } = await bigdd.run(manyParameters, {
					items: manyItems(),
					continueOnFail: true,
				});
				expect(error).toBeUndefined();
				expect(bigdd.requests()).toHaveLength(300);
				expect(output.map((o) => o.pairedItem)).toEqual(
					Array.from({ length: 300 }, (_, item) => ({ item })),
				);
				expect(output.filter((o) => typeof o.json.url === 'string')).toHaveLength(299);
				expect(output.filter((o) => o.json.error !== undefined)).toHaveLength(1);
			});
		});

		it('a 429 is waited out and the same link asked again, not lost', async () => {
			bigdd.server().fault({
				method: 'POST',
				path: '/public-api/v1/download-links',
				times: 1,
				status: 429,
				retryAfter: 0,
			});
			const { items: output, error } = await bigdd.run({
				resource: 'downloadLink',
				operation: 'create',
				fileIds: fileIds(),
			});
			expect(error).toBeUndefined();
			expect(bigdd.requests().map((r) => r.status)).toEqual([429, 201]);
			expect(output[0].json.url).toEqual(expect.stringContaining('/dl/'));
		});
	});
});
