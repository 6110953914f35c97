import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INodeExecutionData,
	INodePropertyRouting,
	PreSendAction,
} from 'n8n-workflow';
import { requestBigdd } from '../transport/request';
import { REQUEST_TIMEOUT_MS } from '../transport/retry';
import { scopeOf, type RoutedOperation } from './output';
import { shapeRecords } from './simplify';

type RecordShape = 'record' | 'deleted';

/** The output item of a one-record answer: the record of BigDD's `data` envelope, or n8n's `{ deleted: true, id }` for a delete. */
function recordItem(body: IDataObject, shape: RecordShape, itemIndex: number): INodeExecutionData {
	const envelope: IDataObject = typeof body === 'object' && body !== null ? body : {};
	const data = (envelope.data ?? (shape === 'deleted' ? {} : envelope)) as IDataObject;
	return {
		json: shape === 'deleted' ? { deleted: true, id: data.id } : data,
		pairedItem: { item: itemIndex },
	};
}

/**
 * Sends the request n8n's routing built for one record through the node's one request path
 * (requestBigdd: retries, pacing, cancellation, error mapping) and shapes its answer. n8n's routing
 * lets only a "pagination" function send a request itself, so that is where this runs.
 */
function sendOneRecord(shape: RecordShape, operation: RoutedOperation) {
	return async function sendOneRecord(
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		// n8n's routing sets 300 s (or the node's own Request Options) on every request, over requestDefaults.
		const options = { ...requestData.options, timeout: REQUEST_TIMEOUT_MS } as IHttpRequestOptions;
		const body = await requestBigdd.call(this, options, scopeOf(this, operation));
		const items = [recordItem(body, shape, this.getItemIndex())];
		return shape === 'record'
			? shapeRecords(
					(name, fallback) => this.getNodeParameter(name, fallback),
					items,
					operation.recordFields,
				)
			: items;
	};
}

/**
 * The routing of an operation on one record: `request`, its checks (`preSend`), its output (a record,
 * or `{ deleted: true }`), sent through requestBigdd.
 */
export function oneRecordRouting(
	request: { method: IHttpRequestMethods; url: string },
	{
		preSend = [],
		output = 'record',
		...operation
	}: RoutedOperation & { preSend?: PreSendAction[]; output?: RecordShape } = {},
): INodePropertyRouting {
	return {
		request,
		send: { paginate: true, ...(preSend.length ? { preSend } : {}) },
		operations: { pagination: sendOneRecord(output, operation) },
	};
}
