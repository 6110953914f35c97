import type {
	IExecuteFunctions,
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodePropertyRouting,
} from 'n8n-workflow';
import type { CustomExecute } from '../shared/operation';

/**
 * The one input item of a routed request seen as a run of one item, so a custom operation's code runs
 * unchanged: item 0 is that item, and the binary helpers take the item index the code passes.
 */
function asRunOfOneItem(context: IExecutePaginationFunctions): IExecuteFunctions {
	const item = context.getInputData();
	const helpers = {
		...context.helpers,
		assertBinaryData: (_itemIndex: number, property: string) =>
			context.helpers.assertBinaryData(property),
		getBinaryDataBuffer: async (_itemIndex: number, property: string) =>
			await context.helpers.getBinaryDataBuffer(property),
	};
	return Object.create(context, {
		getInputData: { value: () => [item] },
		getNodeParameter: {
			value: (name: string, _itemIndex: number, fallback?: unknown, options?: object) =>
				context.getNodeParameter(name, fallback, options),
		},
		helpers: { value: helpers },
	}) as IExecuteFunctions;
}

/**
 * The routing of a custom operation, for where n8n ignores customOperations: its tool wrapper (the
 * node as an AI Agent's tool, or through the MCP Server Trigger) runs a declarative node's routing
 * only (docs/n8n-tool-wrapper-custom-operations.md). The operation's own code then runs for each item
 * as a "pagination" function, the only routing hook that may send its own requests; in a workflow n8n
 * still runs the custom operation itself, over all items at once.
 */
export function customOperationRouting(execute: CustomExecute): INodePropertyRouting {
	return {
		send: { paginate: true },
		operations: {
			pagination: async function runCustomOperation(
				this: IExecutePaginationFunctions,
			): Promise<INodeExecutionData[]> {
				const [items] = await execute.call(asRunOfOneItem(this));
				const pairedItem = { item: this.getItemIndex() };
				return items.map((item) => ({ ...item, pairedItem }));
			},
		},
	};
}
