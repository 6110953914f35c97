import type {
	IDataObject,
	IExecuteSingleFunctions,
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
