import { useLocalBigdd } from '../../../helpers/local-bigdd';

describe('Download Link resource (engine + local BigDD)', () => {
	const bigdd = useLocalBigdd({ files: 50 });
	const fileIds = () => bigdd.shop().files.slice(0, 2).map((f) => f.id);

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
		expect(items[0].json).toMatchObject({ url: expect.stringContaining('/dl/'), download_limit: 3, use_stamping: true });
	});

	it('sends no limit or stamping text when they are off', async () => {
		await bigdd.run({ resource: 'downloadLink', operation: 'create', fileIds: fileIds().join(','), downloadLimit: 9, stampingText: 'x' });
		expect(bigdd.requests()[0].body).toEqual({ file_ids: fileIds(), use_download_limit: false, use_stamping: false });
	});

	it.each([
		[{ fileIds: '={{ [] }}' }, 'File IDs must list 1 to 100 files; got 0'],
		[{ fileIds: Array.from({ length: 101 }, (_, i) => `f${i}`) }, 'File IDs must list 1 to 100 files; got 101'],
		[{ fileIds: 'f1', useStamping: true, stampingText: 's'.repeat(501) }, 'Stamping Text is 501 characters long; BigDD accepts at most 500'],
		[{ fileIds: 'f1', useDownloadLimit: true, downloadLimit: -1 }, 'Download Limit must be a whole number of 0 or more'],
	])('refuses %j before sending anything', async (fields, message) => {
		const { error } = await bigdd.run({ resource: 'downloadLink', operation: 'create', ...fields });
		expect(error?.message).toBe(message);
		expect(bigdd.requests()).toHaveLength(0);
	});
});
