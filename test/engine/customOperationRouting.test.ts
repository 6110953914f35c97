// n8n's tool wrapper (the node as a tool of the MCP Server Trigger; AI Agent 3 runs tools through the
// engine instead) runs a declarative node's routing and never its customOperations. Here the node runs in n8n-core's engine
// with its customOperations taken away, which is exactly that path: each custom operation must send the
// same request and give the same output through its routing as it does in a workflow.
import { createHash } from 'crypto';
import { routingOnly } from '../support/engine';
import { useLocalBigdd } from '../support/local-bigdd';

describe('custom operations through routing only, as n8n runs a node called as a tool (engine + local BigDD)', () => {
	const bigdd = useLocalBigdd({ licenseKeys: 20, orders: 10, files: 5 });
	/** Runs the same parameters both ways; the requests each sent and the items each gave. */
	const bothWays = async (
		parameters: Record<string, unknown>,
		extra: Parameters<typeof bigdd.run>[1] = {},
	) => {
		const results = [];
		for (const nodeType of [undefined, routingOnly()]) {
			bigdd.server().clear();
			const { items, error } = await bigdd.run(parameters, {
				...extra,
				...(nodeType ? { nodeType } : {}),
			} as Parameters<typeof bigdd.run>[1]);
			results.push({ error: error?.message, items, requests: bigdd.requestLines() });
		}
		return results;
	};

	it('Validate: the same GET and the same verdict, paired', async () => {
		const key = bigdd.shop().licenseKeys[0].key;
		const [inWorkflow, asTool] = await bothWays({
			resource: 'licenseKey',
			operation: 'validate',
			key,
		});
		expect(asTool).toEqual(inWorkflow);
		expect(asTool.requests).toEqual([
			`GET /public-api/v1/license-keys/validate?key=${encodeURIComponent(key)}`,
		]);
		expect(asTool.items).toEqual([
			{ json: expect.objectContaining({ key, valid: true }), pairedItem: { item: 0 } },
		]);
	});

	it('Create license keys: the same batch and the same summary', async () => {
		const [inWorkflow, asTool] = await bothWays({
			resource: 'licenseKey',
			operation: 'create',
			keys: 'TOOL-A\nTOOL-B',
			duplicates: 'create',
		});
		expect(asTool.items).toEqual(inWorkflow.items);
		expect(asTool.items[0].json).toMatchObject({ created: 2, total: 2, batches: 1 });
		expect(asTool.requests).toEqual(['POST /public-api/v1/license-keys']);
	});

	it('Create download link: checked, then one link; a bad file list sends nothing either way', async () => {
		const fileIds = bigdd
			.shop()
			.files.slice(0, 2)
			.map((f) => f.id)
			.join(',');
		const [inWorkflow, asTool] = await bothWays({
			resource: 'downloadLink',
			operation: 'create',
			fileIds,
		});
		expect(asTool.requests).toEqual(inWorkflow.requests);
		expect(asTool.requests).toEqual(['POST /public-api/v1/download-links']);
		expect(Object.keys(asTool.items[0].json).sort()).toEqual(
			Object.keys(inWorkflow.items[0].json).sort(),
		);

		const refused = await bothWays({
			resource: 'downloadLink',
			operation: 'create',
			fileIds: '={{ "" }}',
		});
		expect(refused.map((r) => r.requests)).toEqual([[], []]);
		expect(refused[1].error).toBe(refused[0].error);
	});

	it('Upload: the binary sent byte-exact as multipart', async () => {
		const bytes = Buffer.from('a file an agent was handed');
		const [inWorkflow, asTool] = await bothWays(
			{ resource: 'file', operation: 'upload', binaryPropertyName: 'data' },
			{
				items: [
					{
						json: {},
						binary: {
							data: {
								data: bytes.toString('base64'),
								mimeType: 'text/plain',
								fileName: 'note.txt',
							},
						},
					},
				],
			},
		);
		expect(asTool.requests).toEqual(inWorkflow.requests);
		expect(bigdd.requests()[0].multipart?.files).toEqual([
			{
				field: 'file',
				filename: 'note.txt',
				contentType: 'text/plain',
				size: bytes.length,
				sha256: createHash('sha256').update(bytes).digest('hex'),
			},
		]);
		expect(asTool.items[0].json).toMatchObject({ name: 'note.txt', size: bytes.length });
		expect(Object.keys(asTool.items[0].json).sort()).toEqual(
			Object.keys(inWorkflow.items[0].json).sort(),
		);
	});

	it('Upload of an item with no file: the same refusal either way, nothing sent', async () => {
		const results = await bothWays(
			{ resource: 'file', operation: 'upload', binaryPropertyName: 'data' },
			{ items: [{ json: {} }] },
		);
		expect(results.map(({ error, requests }) => ({ error, requests }))).toEqual([
			{ error: 'No binary file in "data"', requests: [] },
			{ error: 'No binary file in "data"', requests: [] },
		]);
	});
});
