import { createHash } from 'crypto';
import { useLocalBigdd } from '../support/local-bigdd';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Deterministic, non-text bytes: every byte value, so any re-encoding would show. */
const bytes = (length: number) =>
	Buffer.from(Array.from({ length }, (_, i) => (i * 31 + (i >> 8)) % 256));

describe('File resource (engine + local BigDD)', () => {
	const bigdd = useLocalBigdd({ files: 250, uploadsPerMinute: 100 });

	it('Get Many sends type, uploaded, search and include on every page', async () => {
		const { items } = await bigdd.run(
			{
				resource: 'file',
				operation: 'getAll',
				returnAll: true,
				filters: { type: 'application/pdf', uploaded: true, search: 'e' },
				options: { includeProducts: true, sort: 'id' },
			},
			{ settings: { typeVersion: 1 } },
		); // saved with version 1: Sort inside Options
		const expected = bigdd
			.shop()
			.files.filter((f) => f.type === 'application/pdf' && f.uploaded && f.name.includes('e'));
		expect(items.map((i) => i.json.id)).toEqual(expected.map((f) => f.id).sort());
		for (const request of bigdd.requests()) {
			expect(request.query).toMatchObject({
				type: 'application/pdf',
				uploaded: 'true',
				q: 'e',
				include: 'products',
				sort: 'id',
			});
		}
		expect(items[0].json).toHaveProperty('products');
	});

	it('Upload sends the binary as multipart with its name and type, byte-exact', async () => {
		const file = bytes(300_000);
		const { items, error } = await bigdd.run(
			{ resource: 'file', operation: 'upload', binaryPropertyName: 'attachment' },
			{
				items: [
					{
						json: {},
						binary: {
							attachment: {
								data: file.toString('base64'),
								mimeType: 'application/zip',
								fileName: 'presets "v2".zip',
							},
						},
					},
				],
			},
		);
		expect(error).toBeUndefined();
		const [request] = bigdd.requests();
		expect(`${request.method} ${request.path}`).toBe('POST /public-api/v1/files');
		expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(request.headers.authorization).toBe(`Bearer ${bigdd.server().server.token}`);
		expect(request.multipart?.files).toEqual([
			{
				field: 'file',
				filename: 'presets _v2_.zip',
				contentType: 'application/zip',
				size: file.length,
				sha256: sha256(file),
			},
		]);
		expect(items[0].json).toMatchObject({
			name: 'presets _v2_.zip',
			size: file.length,
			type: 'application/zip',
			uploaded: true,
		});
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('Upload with a file name option stores it under that name', async () => {
		await bigdd.run(
			{
				resource: 'file',
				operation: 'upload',
				binaryPropertyName: 'data',
				options: { fileName: 'renamed.pdf' },
			},
			{
				items: [
					{
						json: {},
						binary: {
							data: {
								data: bytes(10).toString('base64'),
								mimeType: 'application/pdf',
								fileName: 'x.pdf',
							},
						},
					},
				],
			},
		);
		expect(bigdd.requests()[0].multipart?.files[0].filename).toBe('renamed.pdf');
	});

	it('Upload of 25 MB + 1 byte is refused before sending', async () => {
		const file = Buffer.alloc(25 * 1024 * 1024 + 1, 7);
		const { error } = await bigdd.run(
			{ resource: 'file', operation: 'upload', binaryPropertyName: 'data' },
			{
				items: [
					{
						json: {},
						binary: {
							data: {
								data: file.toString('base64'),
								mimeType: 'application/zip',
								fileName: 'big.zip',
							},
						},
					},
				],
			},
		);
		expect(error?.message).toBe('The file is 25.0 MB; BigDD accepts at most 25 MB through the API');
		expect(bigdd.requests()).toHaveLength(0);
	});

	it('Upload waits out a 429 (6 uploads a minute) and sends once more', async () => {
		bigdd.server().fault({ path: '/public-api/v1/files', times: 1, status: 429, retryAfter: 1 });
		const { items, error } = await bigdd.run(
			{ resource: 'file', operation: 'upload', binaryPropertyName: 'data' },
			{
				items: [
					{
						json: {},
						binary: {
							data: {
								data: bytes(100).toString('base64'),
								mimeType: 'text/plain',
								fileName: 'a.txt',
							},
						},
					},
				],
			},
		);
		expect(error).toBeUndefined();
		expect(bigdd.requests().map((r) => r.status)).toEqual([429, 201]);
		expect(items[0].json).toMatchObject({ name: 'a.txt' });
	});

	it('Upload without the binary field says which field is missing, and Continue On Fail carries on', async () => {
		const { items } = await bigdd.run(
			{ resource: 'file', operation: 'upload', binaryPropertyName: 'data' },
			{
				continueOnFail: true,
				items: [
					{ json: {} },
					{
						json: {},
						binary: {
							data: {
								data: bytes(5).toString('base64'),
								mimeType: 'text/plain',
								fileName: 'b.txt',
							},
						},
					},
				],
			},
		);
		expect(items).toHaveLength(2);
		expect(items[0]).toMatchObject({
			json: { error: 'No binary file in "data"' },
			pairedItem: { item: 0 },
		});
		expect(items[1]).toMatchObject({ json: { name: 'b.txt' }, pairedItem: { item: 1 } });
		expect(bigdd.requests()).toHaveLength(1);
	});

	it('Delete of a detached file returns { deleted: true, id }', async () => {
		const attached = new Set(bigdd.shop().products.flatMap((p) => p.file_ids));
		const free = bigdd
			.shop()
			.files.find(
				(f) =>
					!attached.has(f.id) &&
					!bigdd.shop().orders.some((o) => o.lines.some((l) => l.file_ids.includes(f.id))),
			);
		if (!free) throw new Error('the seed has no detached file');
		const { items } = await bigdd.run({ resource: 'file', operation: 'delete', fileId: free.id });
		expect(bigdd.requestLines()).toEqual([`DELETE /public-api/v1/files/${free.id}`]);
		expect(items).toEqual([{ json: { deleted: true, id: free.id }, pairedItem: { item: 0 } }]);
	});

	it('Delete of an attached file: 409 saying to detach it first', async () => {
		const { error } = await bigdd.run({
			resource: 'file',
			operation: 'delete',
			fileId: bigdd.shop().products[1].file_ids[0],
		});
		expect(error).toMatchObject({ httpCode: '409' });
		expect(error?.description).toBe(
			'The file is still attached to a digital product, an order line or a download link. Detach it first, then delete.',
		);
	});
});
