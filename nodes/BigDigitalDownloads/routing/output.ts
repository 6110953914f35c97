import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData, PostReceiveAction } from 'n8n-workflow';
import { withoutSecrets } from '../transport/credential';
import { apiError, type OperationFacts, type RequestScope } from '../transport/errors';
import { shapeRecords, type RecordFields } from './simplify';

/** What an operation routed by n8n declares about itself (error hints, retry safety, Simplify). */
export interface RoutedOperation extends OperationFacts {
	/** The fields of the records it returns, for Simplify and the tool's Output; operations without them leave it out. */
	recordFields?: RecordFields;
}

/** The scope of the item a routed request runs for. */
export function scopeOf(context: IExecuteSingleFunctions, operation: OperationFacts): RequestScope {
	return { itemIndex: context.getItemIndex(), operation };
}

/** postReceive: turns any HTTP error answer into an actionable NodeApiError (routing ignores statuses). */
function throwOnApiError(operation: OperationFacts): PostReceiveAction {
	return async function throwOnApiError(this: IExecuteSingleFunctions, items: INodeExecutionData[], response: IN8nHttpFullResponse) {
		if (response.statusCode >= 400) throw apiError(this.getNode(), await withoutSecrets(this, response), scopeOf(this, operation));
		return items;
	};
}

/** postReceive: one item holding the `data` object of BigDD's envelope, paired with its input. */
async function unwrapData(this: IExecuteSingleFunctions, _items: INodeExecutionData[], response: IN8nHttpFullResponse): Promise<INodeExecutionData[]> {
	const body = response.body as IDataObject;
	return [{ json: (body.data ?? body) as IDataObject, pairedItem: { item: this.getItemIndex() } }];
}

/** postReceive: BigDD answers deletes with little; n8n's convention is `{ deleted: true, id }`. */
async function toDeletedItem(this: IExecuteSingleFunctions, _items: INodeExecutionData[], response: IN8nHttpFullResponse): Promise<INodeExecutionData[]> {
	const data = ((response.body as IDataObject).data ?? {}) as IDataObject;
	return [{ json: { deleted: true, id: data.id }, pairedItem: { item: this.getItemIndex() } }];
}

/** postReceive: Simplify (or the tool's Output) for an operation on one record. */
function shapeRecord(fields: RecordFields): PostReceiveAction {
	return async function shapeRecord(this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
		return shapeRecords((name, fallback) => this.getNodeParameter(name, fallback), items, fields);
	};
}

/**
 * The output of an operation on one record: errors mapped first, then the record of BigDD's envelope
 * (Simplify or the tool's Output applied when the operation offers it), or `{ deleted: true, id }` for a delete.
 */
export function recordOutput(shape: 'record' | 'deleted', operation: RoutedOperation): PostReceiveAction[] {
	if (shape === 'deleted') return [throwOnApiError(operation), toDeletedItem];
	return [throwOnApiError(operation), unwrapData, ...(operation.recordFields ? [shapeRecord(operation.recordFields)] : [])];
}
