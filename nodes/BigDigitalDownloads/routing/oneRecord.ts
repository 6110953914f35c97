import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodePropertyRouting,
	PreSendAction,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { asNodeError, isTimeout, noAnswerError } from '../transport/errors';
import { REQUEST_TIMEOUT_MS, withRetries } from '../transport/retry';
import { recordOutput, scopeOf, type RoutedOperation } from './output';

/**
 * The "pagination" of an operation on one record: one request through n8n's routing, under the
 * node's retry policy (a 429 means BigDD did not act, so it is sent again, writes too). n8n's routing
 * gives only pagination functions a way to resend.
 */
function waitOutRateLimits(operation: RoutedOperation) {
	return async function waitOutRateLimits(
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const scope = scopeOf(this, operation);
		// n8n's routing sets 300 s (or the node's own Request Options) on every request, over requestDefaults.
		requestData.options.timeout = REQUEST_TIMEOUT_MS;
		return await withRetries<INodeExecutionData[]>(this, scope, false, async () => {
			try {
				return { done: await this.makeRoutingRequest(requestData) };
			} catch (error) {
				if (isTimeout(error)) return { error: () => noAnswerError(this.getNode(), error, scope, REQUEST_TIMEOUT_MS) };
				const nodeError = asNodeError(this.getNode(), error, scope.itemIndex);
				const rateLimited = nodeError instanceof NodeApiError && nodeError.httpCode === '429';
				return {
					retryAfterSeconds: rateLimited ? Number(nodeError.context.retryAfterSeconds ?? 1) : undefined,
					error: (_attempts: number, givingUp?: string) => {
						if (givingUp) nodeError.description = givingUp;
						return nodeError;
					},
				};
			}
		});
	};
}

/**
 * The routing of an operation on one record: `request`, its checks (`preSend`), its output (a record,
 * or `{ deleted: true }`), errors mapped with the operation's own hints, 429s waited out.
 */
export function oneRecordRouting(
	request: { method: IHttpRequestMethods; url: string },
	{ preSend = [], output = 'record', ...operation }: RoutedOperation & { preSend?: PreSendAction[]; output?: 'record' | 'deleted' } = {},
): INodePropertyRouting {
	return {
		request,
		send: { paginate: true, ...(preSend.length ? { preSend } : {}) },
		output: { postReceive: recordOutput(output, operation) },
		operations: { pagination: waitOutRateLimits(operation) },
	};
}
