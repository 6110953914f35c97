import {
	batchIdempotencyKey,
	splitIntoBatches,
	userBatchKey,
} from '../../../../../../nodes/BigDigitalDownloads/resources/licenseKey/create';

describe('license key batches', () => {
	it('splitIntoBatches cuts at the size', () => {
		expect(splitIntoBatches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
		expect(splitIntoBatches([], 2)).toEqual([]);
	});

	it('batchIdempotencyKey is stable for the same import and differs for any other', () => {
		const parts = {
			workflowId: 'wf1',
			nodeId: 'n1',
			itemIndex: 0,
			batchIndex: 0,
			payload: { keys: ['A'] },
		};
		const key = batchIdempotencyKey(parts);
		expect(key).toMatch(/^n8n-[0-9a-f]{40}$/);
		expect(batchIdempotencyKey({ ...parts })).toBe(key);
		for (const change of [
			{ workflowId: 'wf2' },
			{ nodeId: 'n2' },
			{ itemIndex: 1 },
			{ batchIndex: 1 },
			{ payload: { keys: ['B'] } },
		]) {
			expect(batchIdempotencyKey({ ...parts, ...change })).not.toBe(key);
		}
	});

	it('userBatchKey: as given for one item and batch, made unique per shared item and per batch', () => {
		const one = { itemIndex: 0, sharedWithOtherItems: false, batchIndex: 0, batchCount: 1 };
		expect(userBatchKey('k', one)).toBe('k');
		expect(userBatchKey('k', { ...one, batchIndex: 1, batchCount: 3 })).toBe('k-2');
		expect(userBatchKey('k', { ...one, itemIndex: 2, sharedWithOtherItems: true })).toBe('k-item3');
		expect(
			userBatchKey('k', { itemIndex: 1, sharedWithOtherItems: true, batchIndex: 0, batchCount: 2 }),
		).toBe('k-item2-1');
	});
});
