import type { IExecuteSingleFunctions } from 'n8n-workflow';
import type { RequestRules, RequestScope } from '../transport/types';
import type { RecordFields } from './simplify';

/** What an operation routed by n8n declares about itself (error hints, retry safety, Simplify). */
export interface RoutedOperation extends RequestRules {
	/** The fields of the records it returns, for Simplify and the tool's Output; operations without them leave it out. */
	recordFields?: RecordFields;
}

/** The scope of the item a routed request runs for. */
export function scopeOf(context: IExecuteSingleFunctions, rules: RequestRules): RequestScope {
	return { itemIndex: context.getItemIndex(), rules };
}
