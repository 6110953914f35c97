import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { CustomExecute } from '../shared/operation';
import { customOperationRouting } from '../routing/customOperationRouting';
import { listFieldsOf } from '../routing/listValueChecks';
import { oneRecordExecute, type OneRecordOperation } from '../routing/oneRecord';

/** One operation, whole: what the Operation list shows, how it runs, and its own fields. */
export interface Operation {
	/**
	 * Its entry in the Operation list (name, value, action, description), with `routing` when n8n's routing
	 * runs it; resource() gives a custom operation the routing n8n's tool wrapper runs.
	 */
	option: INodePropertyOptions;
	/** Runs it instead of routing, as one of the node's customOperations. */
	execute?: CustomExecute;
	/** An operation on one record per item: its request, run as a custom operation by oneRecordExecute. */
	oneRecord?: OneRecordOperation;
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

/**
 * An operation's entry in the Operation list as the node shows it: a custom operation also gets the
 * routing n8n's tool wrapper runs, since it ignores customOperations (routing/customOperationRouting.ts).
 */
function operationOption(
	operation: Operation,
	execute: CustomExecute | undefined,
): INodePropertyOptions {
	if (!execute) return operation.option;
	return { ...operation.option, routing: customOperationRouting(execute) };
}

/**
 * The Tool Description of an operation, shown only on the node's tool variant (`@tool`): with a field of
 * this name the node has, n8n adds neither its own nor its auto-generated text, so the model gets ours.
 */
function toolDescriptionField(resource: string, operation: Operation): INodeProperties {
	const toolDescription = operation.toolDescription;
	return {
		displayName: 'Tool Description',
		name: 'toolDescription',
		type: 'string',
		typeOptions: { rows: 3 },
		default: toolDescription,
		description:
			'What the AI agent is told this tool does, when to use it and what it returns. Write it for the model.',
		displayOptions: {
			show: { '@tool': [true], resource: [resource], operation: [String(operation.option.value)] },
		},
	};
}

/**
 * A resource from its operations: the Operation list (in the order given, alphabetical by name), each
 * operation's fields shown only for it, and `recordFields` (a record's ID field) declared once for all
 * the operations on that record instead of once in each: n8n's routing evaluates a field's expression
 * for every field of that name, shown or not, on two passes per item (docs/n8n-routing-cost-per-item.md).
 */
export function resource(
	option: { name: string; value: string },
	{
		operations,
		defaultOperation,
		recordFields = [],
	}: {
		operations: Operation[];
		defaultOperation: Operation;
		recordFields?: Array<{ field: INodeProperties; operations: Operation[] }>;
	},
): Resource {
	const show = (operationsShown: Operation[]) => ({
		show: {
			resource: [option.value],
			operation: operationsShown.map((operation) => operation.option.value as string),
		},
	});
	const fields = [
		...recordFields.map(({ field, operations: on }) => ({ ...field, displayOptions: show(on) })),
		...operations.flatMap((operation) => updateDisplayOptions(show([operation]), operation.fields)),
	];
	// A one-record operation runs as a custom operation, its list fields checked as routing's preSend would.
	const executes = operations.map(
		(operation) =>
			operation.execute ??
			(operation.oneRecord &&
				oneRecordExecute(
					operation.oneRecord,
					listFieldsOf(fields, option.value, String(operation.option.value)),
				)),
	);
	// A local the lint rule can read (node-param-default-missing does not follow a member expression).
	const defaultValue = defaultOperation.option.value;
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [option.value] } },
		options: operations.map((operation, i) => operationOption(operation, executes[i])),
		default: defaultValue,
	};
	return {
		option,
		properties: [
			selector,
			...fields,
			...operations.map((operation) => toolDescriptionField(option.value, operation)),
		],
		customOperations: Object.fromEntries(
			operations.flatMap((operation, i) => {
				const execute = executes[i];
				return execute ? [[String(operation.option.value), execute]] : [];
			}),
		),
	};
}
