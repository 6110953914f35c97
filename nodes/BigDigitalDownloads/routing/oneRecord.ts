import type {
	IDataObject,
	IExecuteFunctions,
	IGetNodeParameterOptions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';
import { refusal, type Refuse } from '../shared/checks';
import { forEachItem } from '../shared/itemLoop';
import type { CustomExecute } from '../shared/operation';
import { MAX_IN_FLIGHT } from '../transport/pacer';
import { BIGDD_REQUEST_DEFAULTS, requestBigdd } from '../transport/request';
import { checkListValues, type ListField } from './listValueChecks';
import type { RoutedOperation } from './output';
import { idOrRefuse, type IdField } from './pathIds';
import { shapeRecords } from './simplify';

/** One item's parameters, as a one-record operation reads them to build its request. */
export interface ItemParameters {
	/** The parameter's value for this item, `fallback` when it has none. */
	get(name: string, fallback?: unknown, options?: IGetNodeParameterOptions): unknown;
	/**
	 * One ID from a field (a record picker's, whichever mode), refused unless it is one: nothing that
	 * could leave its path segment (empty, `..`, a slash, a list, an object, null).
	 */
	id(field: IdField): string;
	/** Refuses this item: nothing is sent for it. */
	refuse: Refuse;
	/** The workflow's time zone, for dates given without one. */
	timezone: string;
}

/** The request of one item: BigDD's path (under the API root), its query and body. */
export interface RecordRequest {
	method: IHttpRequestMethods;
	url: string;
	qs?: Record<string, unknown>;
	/** A JSON body, or its text when it must be sent as it is. */
	body?: Record<string, unknown> | string;
}

/** An operation on one record per item: how it builds each item's request, and what it outputs. */
export interface OneRecordOperation extends RoutedOperation {
	/** Reads and checks the item's parameters, throwing a refusal before anything is sent. */
	request: (item: ItemParameters) => RecordRequest;
	/** The record of BigDD's `data` envelope (default), or n8n's `{ deleted: true, id }` for a delete. */
	output?: 'record' | 'deleted';
}

function itemParameters(context: IExecuteFunctions, itemIndex: number): ItemParameters {
	const refuse = refusal(context.getNode(), itemIndex);
	return {
		get: (name, fallback, options) => context.getNodeParameter(name, itemIndex, fallback, options),
		// extractValue: a record picker's value, whether picked From List, typed By ID or saved as plain text.
		id: (field) =>
			idOrRefuse(
				refuse,
				field,
				context.getNodeParameter(field.name, itemIndex, undefined, { extractValue: true }),
			),
		refuse,
		timezone: context.getTimezone(),
	};
}

/** The output of one item: the record of BigDD's envelope, or `{ deleted: true, id }`. */
function recordOf(body: unknown, output: OneRecordOperation['output']): IDataObject {
	const envelope = (typeof body === 'object' && body !== null ? body : {}) as IDataObject;
	if (output === 'deleted') return { deleted: true, id: ((envelope.data ?? {}) as IDataObject).id };
	return (envelope.data ?? envelope) as IDataObject;
}

/**
 * Runs a one-record operation over the input items with the node's item loop: every item's list
 * values checked and request built before anything is sent, then the requests sent through
 * requestBigdd as many at once as the credential's lane lets in flight, each answer shaped (Simplify,
 * the tool's Output). n8n's routing would read every field of the node twice per item to build the
 * same request (docs/n8n-routing-cost-per-item.md). As an AI agent's or MCP tool, n8n runs it for the
 * one item through the routing resource() gives it (customOperationRouting.ts).
 */
export function oneRecordExecute(
	operation: OneRecordOperation,
	listFields: ListField[],
): CustomExecute {
	return async function runOneRecordOperation(
		this: IExecuteFunctions,
	): Promise<INodeExecutionData[][]> {
		return await forEachItem(
			this,
			(itemIndex) => {
				checkListValues(
					listFields,
					(name) => this.getNodeParameter(name, itemIndex, null),
					refusal(this.getNode(), itemIndex),
				);
				return operation.request(itemParameters(this, itemIndex));
			},
			async (request, itemIndex, stop) => {
				const body = await requestBigdd.call(
					this,
					{ ...BIGDD_REQUEST_DEFAULTS, ...request, json: true } as IHttpRequestOptions,
					{ itemIndex, rules: operation, stop },
				);
				const [item] = shapeRecords(
					(name, fallback) => this.getNodeParameter(name, itemIndex, fallback),
					[{ json: recordOf(body, operation.output) }],
					operation.output === 'deleted' ? undefined : operation.recordFields,
				);
				return item.json;
			},
			{ concurrency: MAX_IN_FLIGHT },
		);
	};
}
