import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	PostReceiveAction,
} from 'n8n-workflow';
import { throwOnApiError } from './errors';
import { simplifyRecord } from './simplify';

/** postReceive: one item holding the `data` object of BigDD's envelope, paired with its input. */
async function unwrapData(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = response.body as IDataObject;
	return [{ json: (body.data ?? body) as IDataObject, pairedItem: { item: this.getItemIndex() } }];
}

/** postReceive: BigDD answers deletes with little; n8n's convention is `{ deleted: true, id }`. */
async function toDeletedItem(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const data = ((response.body as IDataObject).data ?? {}) as IDataObject;
	return [{ json: { deleted: true, id: data.id }, pairedItem: { item: this.getItemIndex() } }];
}

/** Output of every single-request operation: errors mapped, then the `data` object as one item. */
export const singleRecordOutput: PostReceiveAction[] = [throwOnApiError, unwrapData];

/** Output of Get operations whose records offer Simplify. */
export const simplifiableRecordOutput: PostReceiveAction[] = [...singleRecordOutput, simplifyRecord];

/** Output of delete operations. */
export const deletedRecordOutput: PostReceiveAction[] = [throwOnApiError, toDeletedItem];

/**
 * The key each Validate request asked for, by the item's context (n8n passes the same one to preSend
 * and postReceive): reading the field again would evaluate its expression once more per item.
 */
const keysAsked = new WeakMap<IExecuteSingleFunctions, string>();

/** preSend for Validate: remembers the key sent, for toLicenseVerdict. */
export async function rememberKeyAsked(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	keysAsked.set(this, String(requestOptions.qs?.key));
	return requestOptions;
}

/**
 * postReceive for Validate: BigDD's answer plus the key and `licensed` (valid and assigned), so an
 * IF node or an AI agent decides without a Code node.
 */
async function toLicenseVerdict(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const data = ((response.body as IDataObject).data ?? {}) as IDataObject;
	const key = keysAsked.get(this);
	return [
		{
			json: { key, licensed: data.valid === true && data.assigned === true, ...data },
			pairedItem: { item: this.getItemIndex() },
		},
	];
}

/** Output of Validate license key. */
export const licenseVerdictOutput: PostReceiveAction[] = [throwOnApiError, toLicenseVerdict];
