import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { Operation, Resource } from '../shared/operation';
import { customOperationRouting } from '../routing/customOperationRouting';

/**
 * An operation's entry in the Operation list as the node shows it: a custom operation also gets the
 * routing n8n's tool wrapper runs, since it ignores customOperations (routing/customOperationRouting.ts).
 */
function operationOption(operation: Operation): INodePropertyOptions {
	if (!operation.execute) return operation.option;
	return { ...operation.option, routing: customOperationRouting(operation.execute) };
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
	const defaultValue = defaultOperation.option.value;
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [option.value] } },
		options: operations.map(operationOption),
		default: defaultValue,
	};
	return {
		option,
		properties: [
			selector,
			...recordFields.map(({ field, operations: on }) => ({ ...field, displayOptions: show(on) })),
			...operations.flatMap((operation) =>
				updateDisplayOptions(show([operation]), operation.fields),
			),
			...operations.map((operation) => toolDescriptionField(option.value, operation)),
		],
		customOperations: Object.fromEntries(
			operations.flatMap((operation) =>
				operation.execute ? [[String(operation.option.value), operation.execute]] : [],
			),
		),
	};
}
