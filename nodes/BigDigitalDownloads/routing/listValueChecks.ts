import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
	PreSendAction,
} from 'n8n-workflow';
import { refusal, type Refuse } from '../shared/checks';
import { describeValue, isBlank } from '../shared/values';

/** A list field of one operation (top level or inside Filters/Options) and the values it offers. */
export interface ListField {
	path: string;
	label: string;
	values: Array<string | number | boolean>;
	multiple: boolean;
	required: boolean;
}

const isOption = (option: unknown): option is INodePropertyOptions =>
	typeof option === 'object' && option !== null && 'value' in option;

function showsFor(property: INodeProperties, resource: string, operation: string): boolean {
	const show = property.displayOptions?.show;
	return (
		(!show?.resource || show.resource.includes(resource)) &&
		(!show?.operation || show.operation.includes(operation))
	);
}

/** Every options / multi-options field `resource:operation` shows, except Resource and Operation. */
export function listFieldsOf(
	properties: INodeProperties[],
	resource: string,
	operation: string,
): ListField[] {
	const fields: ListField[] = [];
	const visit = (list: INodeProperties[], prefix: string) => {
		for (const property of list) {
			if (property.name === 'resource' || property.name === 'operation') continue;
			// The tool's Output only shapes what the model gets back: nothing of it is sent to BigDD.
			if (property.displayOptions?.show?.['@tool']) continue;
			if (prefix === '' && !showsFor(property, resource, operation)) continue;
			if (property.type === 'collection')
				visit((property.options ?? []) as INodeProperties[], `${property.name}.`);
			if (property.type !== 'options' && property.type !== 'multiOptions') continue;
			const values = (property.options ?? []).filter(isOption).map((option) => option.value);
			// Options appears once per node version; one check per field is enough.
			if (fields.some((field) => field.path === prefix + property.name)) continue;
			fields.push({
				path: prefix + property.name,
				label: property.displayName,
				values,
				multiple: property.type === 'multiOptions',
				required: property.required === true,
			});
		}
	};
	visit(properties, '');
	return fields;
}

/** Refuses an item whose list field holds anything but one of its own values, whatever an expression gave. */
export function checkListValues(
	fields: ListField[],
	read: (path: string) => unknown,
	refuse: Refuse,
): void {
	for (const field of fields) {
		const value = read(field.path);
		if (isBlank(value) && !field.required) continue;
		const given = field.multiple && Array.isArray(value) ? value : [value];
		if (given.every((entry) => field.values.includes(entry as string))) continue;
		throw refuse(
			`${field.label} must be one of ${field.values.join(', ')}, got ${describeValue(value)}`,
			'Nothing was sent. Pick a value from the list, or make the expression give one of these.',
		);
	}
}

/** preSend: checkListValues for the item a routed request runs for. */
function listValueCheck(fields: ListField[]): PreSendAction {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		// n8n throws for a missing parameter unless the fallback is defined; a missing one is blank.
		checkListValues(
			fields,
			(path) => this.getNodeParameter(path, null),
			refusal(this.getNode(), this.getItemIndex()),
		);
		return requestOptions;
	};
}

/**
 * The node's properties with a check of every list field put first in each declarative operation's
 * routing: n8n's routing sends whatever an expression gives, e.g. `access=maybe`.
 */
export function withListValueChecks(properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => {
		const resources = property.displayOptions?.show?.resource;
		if (property.name !== 'operation' || !resources) return property;
		const options = (property.options ?? []).filter(isOption).map((option) => {
			if (!option.routing) return option;
			const fields = resources.flatMap((resource) =>
				listFieldsOf(properties, String(resource), String(option.value)),
			);
			if (fields.length === 0) return option;
			const send = option.routing.send ?? {};
			return {
				...option,
				routing: {
					...option.routing,
					send: { ...send, preSend: [listValueCheck(fields), ...(send.preSend ?? [])] },
				},
			};
		});
		return { ...property, options };
	});
}
