import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodePropertyRouting,
	PreSendAction,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { requestBigdd } from '../transport/request';
import { REQUEST_TIMEOUT_MS } from '../transport/retry';
import { refusal } from '../shared/checks';
import { describeValue, isBlank } from '../shared/values';
import { scopeOf, type RoutedOperation } from './output';
import { shapeRecords } from './simplify';

/** BigDD's maximum page size: Return All over N records costs exactly ceil(N / 100) requests. */
const MAX_PAGE_SIZE = 100;

interface Page {
	data?: IDataObject[];
	pagination?: { has_more?: boolean; next_cursor?: string | null };
}

/**
 * How many records the item asks for: all with Return All, else Limit, a whole number of 1 or more.
 * (n8n passes a Limit of 0 on as "no limit"; an expression giving 0, text or nothing must not widen the list.)
 */
function listLimit(context: IExecutePaginationFunctions): number {
	if (context.getNodeParameter('returnAll', false) === true) return Infinity;
	const value = context.getNodeParameter('limit', undefined);
	const limit = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
	if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 1) {
		throw refusal(context.getNode(), context.getItemIndex())(
			'Limit must be a whole number of 1 or more',
			`Got ${describeValue(value)}. Nothing was sent. Turn on Return All to get every record.`,
		);
	}
	return limit;
}

/**
 * Pagination for every BigDD list: follows `pagination.next_cursor` while `has_more` is true, with
 * the item's filters on every page, until Limit records (or, with Return All, every record) are in.
 * A 429 is waited out and the same cursor asked again, so nothing is lost or repeated.
 */
function paginateByCursor(operation: RoutedOperation) {
	return async function paginateByCursor(
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const limit = listLimit(this);
		const records: IDataObject[] = [];
		const cursorsSeen = new Set<string>();
		let cursor: string | undefined;
		const scope = scopeOf(this, operation);
		do {
			const qs: IDataObject = {
				...withoutBlanks(requestData.options.qs),
				limit: Math.min(MAX_PAGE_SIZE, limit - records.length),
			};
			if (cursor !== undefined) qs.cursor = cursor;
			// A read: a 5xx or lost connection on page 5 of 25 is retried on the same cursor, not from page 1.
			const options = {
				...requestData.options,
				qs,
				timeout: REQUEST_TIMEOUT_MS,
			} as IHttpRequestOptions;
			const page = (await requestBigdd.call(this, options, scope, { safeToRepeat: true })) as Page;
			if (!Array.isArray(page.data)) {
				throw new NodeOperationError(
					this.getNode(),
					'BigDD answered a list request without a data array',
					{
						itemIndex: this.getItemIndex(),
						description: 'Check the Base URL of the credential: it should point at the BigDD API.',
					},
				);
			}
			records.push(...page.data);
			const hasMore = page.pagination?.has_more === true;
			const next = page.pagination?.next_cursor;
			if (hasMore && (typeof next !== 'string' || next === '' || cursorsSeen.has(next))) {
				throw new NodeOperationError(this.getNode(), "BigDD's page cursor did not advance", {
					itemIndex: this.getItemIndex(),
					description: `BigDD said more records follow but sent ${next ? 'a cursor it had sent before' : 'no cursor'}. Stopped after ${records.length} records instead of looping or returning a partial list silently.`,
				});
			}
			cursor = hasMore ? (next as string) : undefined;
			if (cursor !== undefined) cursorsSeen.add(cursor);
		} while (cursor !== undefined && records.length < limit);

		const pairedItem = { item: this.getItemIndex() };
		return shapeRecords(
			(name, fallback) => this.getNodeParameter(name, fallback),
			records.slice(0, limit).map((json) => ({ json, pairedItem })),
			operation.recordFields,
		);
	};
}

/** Filters added but left empty (Search, Tag…) are not sent, rather than sent as `q=`. */
function withoutBlanks(qs: IDataObject | undefined): IDataObject {
	return Object.fromEntries(Object.entries(qs ?? {}).filter(([, value]) => !isBlank(value)));
}

/** The routing of every Get Many: a GET of `url`, paged by paginateByCursor. */
export function cursorListRouting(
	url: string,
	{ preSend = [], ...operation }: RoutedOperation & { preSend?: PreSendAction[] } = {},
): INodePropertyRouting {
	return {
		request: { method: 'GET', url },
		send: { paginate: true, ...(preSend.length ? { preSend } : {}) },
		operations: { pagination: paginateByCursor(operation) },
	};
}
