import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { Operation } from '../resource';
import { refusal } from '../../shared/checks';
import { optionsCollection } from '../../shared/descriptions';
import { forEachItem } from '../../shared/itemLoop';
import { LIMITS } from '../../shared/limits';
import { describeValue, LINE_SEPARATOR, toList } from '../../shared/values';
import { asNodeError } from '../../transport/errors';
import type { RequestRules } from '../../transport/types';
import { requestBigdd } from '../../transport/request';

const KEY_BATCH_RULES: RequestRules = {
	conflictHint:
		'Some keys already exist and Duplicates is set to Fail, so nothing was created. Use Skip to ignore existing keys.',
};

export function splitIntoBatches<T>(list: T[], size: number): T[][] {
	const batches: T[][] = [];
	for (let start = 0; start < list.length; start += size)
		batches.push(list.slice(start, start + size));
	return batches;
}

/**
 * The Idempotency-Key of one batch, from what identifies the import: the workflow, the node, the item,
 * the batch and its content. Not the execution: n8n's Retry and running the workflow again start new
 * executions, and they must replay, not create keys twice.
 */
export function batchIdempotencyKey(parts: {
	workflowId: string;
	nodeId: string;
	itemIndex: number;
	batchIndex: number;
	payload: IDataObject;
}): string {
	const payloadHash = createHash('sha256').update(JSON.stringify(parts.payload)).digest('hex');
	const seed = [
		parts.workflowId,
		parts.nodeId,
		parts.itemIndex,
		parts.batchIndex,
		payloadHash,
	].join('|');
	return `n8n-${createHash('sha256').update(seed).digest('hex').slice(0, 40)}`;
}

/**
 * The user's own key for one batch: as given for one item with one batch; `-item<N>` when other items
 * use the same key (BigDD would replay the first item's answer for them), `-<batch>` with several batches.
 */
export function userBatchKey(
	userKey: string,
	options: {
		itemIndex: number;
		sharedWithOtherItems: boolean;
		batchIndex: number;
		batchCount: number;
	},
): string {
	const perItem = options.sharedWithOtherItems
		? `${userKey}-item${options.itemIndex + 1}`
		: userKey;
	return options.batchCount === 1 ? perItem : `${perItem}-${options.batchIndex + 1}`;
}

interface ImportPlan {
	batches: string[][];
	total: number;
	tag: string;
	duplicates: string;
	userKey: string;
}

/** Reads and checks one item's import before anything is sent. */
function planImport(context: IExecuteFunctions, itemIndex: number): ImportPlan {
	const refuse = refusal(context.getNode(), itemIndex);
	const rawKeys = context.getNodeParameter('keys', itemIndex) as unknown;
	if (
		Array.isArray(rawKeys) &&
		rawKeys.some((key) => typeof key !== 'string' && typeof key !== 'number')
	) {
		throw refuse('Keys must be text: one per line, or an array of strings');
	}
	const keys = toList(rawKeys, LINE_SEPARATOR);
	if (keys.length === 0) throw refuse('Keys is empty: add at least one key, one per line');
	const tag = String(context.getNodeParameter('tag', itemIndex, '') ?? '').trim();
	if (tag.length > LIMITS.tag)
		throw refuse(`Tag is ${tag.length} characters long; BigDD accepts at most ${LIMITS.tag}`);
	const duplicates = context.getNodeParameter('duplicates', itemIndex, 'skip') as string;
	if (!DUPLICATE_MODES.includes(duplicates))
		throw refuse(
			`Duplicates must be one of ${DUPLICATE_MODES.join(', ')}, got ${describeValue(duplicates)}`,
		);
	if (duplicates === 'fail') {
		// BigDD refuses a whole request when a key exists; across several requests that cannot hold.
		if (keys.length > LIMITS.keysPerBatch) {
			throw refuse(
				`Duplicates "Fail" works on at most ${LIMITS.keysPerBatch.toLocaleString('en-US')} keys per item; this item has ${keys.length.toLocaleString('en-US')}`,
				'Nothing was sent. BigDD checks one request of at most 5,000 keys at a time, so a later batch could fail after earlier ones were created. Split the keys over several items, or use Skip.',
			);
		}
		const repeated = keys.find((key, index) => keys.indexOf(key) !== index);
		if (repeated !== undefined)
			throw refuse(
				`Keys lists "${repeated}" more than once and Duplicates is Fail`,
				'Nothing was sent.',
			);
	}
	const userKey = String(
		context.getNodeParameter('options.idempotencyKey', itemIndex, '') ?? '',
	).trim();
	return {
		batches: splitIntoBatches(keys, LIMITS.keysPerBatch),
		total: keys.length,
		tag,
		duplicates,
		userKey,
	};
}

const DUPLICATE_MODES = ['skip', 'create', 'fail'];

/** Any number of keys per item, sent as consecutive batches of at most 5,000. */
async function createLicenseKeys(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const node = this.getNode();
	const workflowId = String(this.getWorkflow().id ?? '');
	const userKeys: string[] = [];
	return await forEachItem(
		this,
		(itemIndex) => {
			const plan = planImport(this, itemIndex);
			userKeys[itemIndex] = plan.userKey;
			return plan;
		},
		async (plan, itemIndex) => {
			const { batches, tag, duplicates } = plan;
			const sharedWithOtherItems =
				plan.userKey !== '' &&
				userKeys.some((key, index) => key === plan.userKey && index !== itemIndex);
			const totals = { created: 0, skipped: 0 };
			for (const [batchIndex, batch] of batches.entries()) {
				const body: IDataObject = { keys: batch, duplicates, ...(tag ? { tag } : {}) };
				const idempotencyKey = plan.userKey
					? userBatchKey(plan.userKey, {
							itemIndex,
							sharedWithOtherItems,
							batchIndex,
							batchCount: batches.length,
						})
					: batchIdempotencyKey({
							workflowId,
							nodeId: node.id,
							itemIndex,
							batchIndex,
							payload: body,
						});
				try {
					const response = await requestBigdd.call(
						this,
						{
							method: 'POST',
							url: '/license-keys',
							body,
							json: true,
							headers: { 'Idempotency-Key': idempotencyKey },
						},
						{ itemIndex, rules: KEY_BATCH_RULES },
						// The Idempotency-Key makes a repeat replay, not create.
						{ safeToRepeat: true },
					);
					const result = (response.data ?? {}) as IDataObject;
					totals.created += Number(result.created ?? 0);
					totals.skipped += Number(result.skipped ?? 0);
				} catch (error) {
					const nodeError = asNodeError(node, error, itemIndex);
					if (batches.length > 1)
						nodeError.description =
							`${nodeError.description ?? ''} ${importProgress(batchIndex, batches.length, totals)}`.trim();
					throw nodeError;
				}
			}
			return {
				...totals,
				total: plan.total,
				batches: batches.length,
				tag: tag || null,
				duplicates,
			};
		},
	);
}

/** What an import that stopped at batch `failed` (0-based) had done, and what running it again does. */
function importProgress(
	failed: number,
	batchCount: number,
	totals: { created: number; skipped: number },
): string {
	const before =
		failed === 0
			? 'It stopped at the first batch.'
			: `Batches 1 to ${failed} of ${batchCount} were answered before it: ${totals.created} keys created, ${totals.skipped} skipped.`;
	return `${before} Batch ${failed + 1} failed; batches after it were not sent. Running the node again (Retry On Fail, n8n's Retry, or the workflow again) sends every batch with the same Idempotency-Key, so BigDD replays what it already did instead of creating keys twice.`;
}

/** A custom operation: one item may hold any number of keys, sent as several requests. */
export const licenseKeyCreate: Operation = {
	toolDescription:
		"Add license keys to the shop's inventory (one per line), optionally with a tag. Returns how many were created and how many skipped as duplicates.",
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create license keys',
		description: 'Import keys into the inventory in batches of 5,000, safe to retry',
	},
	execute: createLicenseKeys,
	fields: [
		{
			displayName: 'Keys',
			name: 'keys',
			type: 'string',
			typeOptions: { rows: 6 },
			required: true,
			default: '',
			placeholder: 'PLUG-AAAA-1111-BBBB-2222\nPLUG-CCCC-3333-DDDD-4444',
			description:
				'One key per line, or an array of strings from an expression. Any number: more than 5,000 are sent as consecutive batches of 5,000.',
		},
		{
			displayName: 'Tag',
			name: 'tag',
			type: 'string',
			default: '',
			placeholder: 'e.g. photoshop-plugin-v3',
			description:
				'A label to group the keys, e.g. the product or batch name (at most 120 characters)',
		},
		{
			displayName: 'Duplicates',
			name: 'duplicates',
			type: 'options',
			options: [
				{ name: 'Create', value: 'create', description: 'Insert them anyway' },
				{
					name: 'Fail',
					value: 'fail',
					description: 'Reject the whole batch if any key already exists',
				},
				{ name: 'Skip', value: 'skip', description: 'Ignore keys that already exist' },
			],
			default: 'skip',
			description: 'What to do with keys that already exist in the inventory',
		},
		optionsCollection([
			{
				displayName: 'Idempotency Key',
				name: 'idempotencyKey',
				type: 'string',
				default: '',
				description:
					"Sent as the Idempotency-Key header (suffixed -1, -2… when there are several batches, -item1, -item2… when several items share it). By default one is derived from the workflow, node, item, batch and keys, so n8n's Retry and running the workflow again never create keys twice.",
			},
		]),
	],
};
