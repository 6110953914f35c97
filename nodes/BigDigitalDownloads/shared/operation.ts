import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

/** The code of a custom operation: runs for all input items instead of n8n's routing. */
export type CustomExecute = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

/** One operation, whole: what the Operation list shows, how it runs, and its own fields. */
export interface Operation {
	/**
	 * Its entry in the Operation list (name, value, action, description), with `routing` when n8n's routing
	 * runs it; resource() gives a custom operation the routing n8n's tool wrapper runs.
	 */
	option: INodePropertyOptions;
	/** Runs it instead of routing, as one of the node's customOperations. */
	execute?: CustomExecute;
	/** Its own fields, shown only for it. */
	fields: INodeProperties[];
	/**
	 * What an AI agent or MCP client is told the operation does, when to use it and what it returns: the
	 * default of the tool node's Tool Description (n8n's own would be "<Action> in Big Digital Downloads").
	 */
	toolDescription: string;
}

/** One resource, ready for the node: its entry in the Resource list, its properties and its custom operations. */
export interface Resource {
	option: INodePropertyOptions;
	properties: INodeProperties[];
	customOperations: Record<string, CustomExecute>;
}
