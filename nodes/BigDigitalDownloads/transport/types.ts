import type {
	IExecuteFunctions,
	IExecuteSingleFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

/** Where requests are sent from: a node run, one item of a routed operation, an editor list, or a poll. */
export type RequestContext =
	| IExecuteFunctions
	| IExecuteSingleFunctions
	| ILoadOptionsFunctions
	| IPollFunctions;

/** How the transport treats an operation's requests, declared next to the operation. */
export interface RequestRules {
	/** What to tell a person when BigDD answers 409 to this operation (else a general hint). */
	conflictHint?: string;
	/** A write that must never be repeated blindly: a repeat could send a second email, file or link. */
	notIdempotent?: boolean;
	/** A limit BigDD applies to this kind of request on its own (uploads), paced apart from the shop's other requests. */
	separateRateLimit?: string;
}

/** Which input item a request was made for, and the rules of its operation. */
export interface RequestScope {
	itemIndex: number;
	rules: RequestRules;
	/** Aborted when the request, if still waiting for its turn, must not be sent (another item failed). */
	stop?: AbortSignal;
}
