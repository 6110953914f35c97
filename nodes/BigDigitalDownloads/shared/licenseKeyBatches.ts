import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { asNodeError } from './errors';
import { forEachItem } from './itemLoop';
import { apiRoot, requestWithRateLimitRetry } from './transport';
import { LIMITS } from './validation';
import { toKeyList } from './values';

export function splitIntoBatches<T>(list: T[], size: number): T[][] {
	const batches: T[][] = [];
	for (let start = 0; start < list.length; start += size) batches.push(list.slice(start, start + size));
	return batches;
}

/**
 * The Idempotency-Key of one batch: the same execution, node, item and batch (with the same keys)
 * always gives the same value, so Retry On Fail or re-running the execution never creates keys twice.
 */
export function batchIdempotencyKey(parts: {
	executionId: string;
	nodeId: string;
	itemIndex: number;
	batchIndex: number;
	payload: IDataObject;
}): string {
	const payloadHash = createHash('sha256').update(JSON.stringify(parts.payload)).digest('hex');
	const seed = [parts.executionId, parts.nodeId, parts.itemIndex, parts.batchIndex, payloadHash].join('|');
	return `n8n-${createHash('sha256').update(seed).digest('hex').slice(0, 40)}`;
}

/** The user's own key for batch `batchIndex` of `batchCount`: as given for one batch, suffixed for more. */
export function userBatchKey(userKey: string, batchIndex: number, batchCount: number): string {
	return batchCount === 1 ? userKey : `${userKey}-${batchIndex + 1}`;
}

/** Create license keys: any number of keys, sent as consecutive batches of at most 5,000. */
export async function createLicenseKeys(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const root = await apiRoot(this);
	const node = this.getNode();
	return await forEachItem(this, async (itemIndex) => {
		const rawKeys = this.getNodeParameter('keys', itemIndex) as unknown;
		if (Array.isArray(rawKeys) && rawKeys.some((key) => typeof key !== 'string' && typeof key !== 'number')) {
			throw new NodeOperationError(node, 'Keys must be text: one per line, or an array of strings', { itemIndex });
		}
		const keys = toKeyList(rawKeys);
		if (keys.length === 0) throw new NodeOperationError(node, 'Keys is empty: add at least one key, one per line', { itemIndex });
		const tag = (this.getNodeParameter('tag', itemIndex, '') as string).trim();
		if (tag.length > LIMITS.tag) {
			throw new NodeOperationError(node, `Tag is ${tag.length} characters long; BigDD accepts at most ${LIMITS.tag}`, { itemIndex });
		}
		const duplicates = this.getNodeParameter('duplicates', itemIndex, 'skip') as string;
		const userKey = (this.getNodeParameter('options.idempotencyKey', itemIndex, '') as string).trim();

		const batches = splitIntoBatches(keys, LIMITS.keysPerBatch);
		const totals = { created: 0, skipped: 0 };
		for (const [batchIndex, batch] of batches.entries()) {
			const body: IDataObject = { keys: batch, duplicates, ...(tag ? { tag } : {}) };
			const idempotencyKey = userKey
				? userBatchKey(userKey, batchIndex, batches.length)
				: batchIdempotencyKey({ executionId: this.getExecutionId(), nodeId: node.id, itemIndex, batchIndex, payload: body });
			try {
				const response = await requestWithRateLimitRetry.call(
					this,
					{ method: 'POST', baseURL: root, url: '/license-keys', body, json: true, headers: { 'Idempotency-Key': idempotencyKey } },
					{ itemIndex, operation: 'licenseKey:create' },
				);
				const result = (response.data ?? {}) as IDataObject;
				totals.created += Number(result.created ?? 0);
				totals.skipped += Number(result.skipped ?? 0);
			} catch (error) {
				const nodeError = asNodeError(node, error, itemIndex);
				if (batchIndex > 0) {
					nodeError.description = `${nodeError.description ?? ''} Batches 1 to ${batchIndex} of ${batches.length} were sent before this one (${totals.created} keys created); running the node again in the same execution repeats nothing.`.trim();
				}
				throw nodeError;
			}
		}
		return { ...totals, total: keys.length, batches: batches.length, tag: tag || null, duplicates };
	});
}
