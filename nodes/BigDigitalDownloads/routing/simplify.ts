import type { INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** The fields of a kind of record: all of them, and the main ones Simplify keeps. */
export interface RecordFields {
	all: readonly string[];
	simplified: readonly string[];
}

/**
 * How much of each record an operation returns. On the node, n8n's Simplify toggle (off by default,
 * so workflows saved before it keep their full records). On its tool variant, n8n's AI tool Output
 * (Simplified, Raw, Selected Fields: the model gets only what it needs, the ID always included);
 * Raw by default, as tools returned before it.
 */
export function recordOutputFields(fields: RecordFields): INodeProperties[] {
	return [
		{
			displayName: 'Simplify',
			name: 'simplify',
			type: 'boolean',
			default: false,
			description: 'Whether to return a simplified version of the response instead of the raw data',
			displayOptions: { hide: { '@tool': [true] } },
		},
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			default: 'raw',
			options: [
				{ name: 'Raw', value: 'raw', description: 'Every field BigDD returns' },
				{
					name: 'Selected Fields',
					value: 'selected',
					description: 'Only the fields chosen below, and the ID',
				},
				{
					name: 'Simplified',
					value: 'simplified',
					description: `The main fields: ${fields.simplified.join(', ')}`,
				},
			],
			description:
				'What the AI agent gets of each record: fewer fields leave it more room and show it less',
			displayOptions: { show: { '@tool': [true] } },
		},
		{
			displayName: 'Fields',
			name: 'outputFields',
			type: 'multiOptions',
			default: [],
			options: [...fields.all].sort().map((field) => ({ name: field, value: field })),
			description: 'The fields the AI agent gets (the ID is always included)',
			displayOptions: { show: { '@tool': [true], output: ['selected'] } },
		},
	];
}

/** The parameters an item's output shape is read from, as each routing context gives them. */
type ReadParameter = (name: string, fallback: unknown) => unknown;

/**
 * The fields to keep of each record, or undefined for all: the tool's Output when the node is a tool
 * (n8n gives it a value there only), else Simplify.
 */
function keptFields(read: ReadParameter, fields: RecordFields): readonly string[] | undefined {
	// null: no Output on this node (it is not a tool), so Simplify decides.
	const output = read('output', null);
	if (output === 'selected') {
		const chosen = read('outputFields', []);
		return [
			'id',
			...(Array.isArray(chosen)
				? chosen.filter((field): field is string => typeof field === 'string' && field !== 'id')
				: []),
		];
	}
	if (output === 'simplified' || (output === null && read('simplify', false) === true))
		return fields.simplified;
	return undefined;
}

/** The items as the item's Simplify or Output asks: each record cut down to the fields kept, or unchanged. */
export function shapeRecords(
	read: ReadParameter,
	items: INodeExecutionData[],
	fields: RecordFields | undefined,
): INodeExecutionData[] {
	const kept = fields && keptFields(read, fields);
	if (!kept) return items;
	return items.map((item) => ({
		...item,
		json: Object.fromEntries(
			kept.filter((field) => field in item.json).map((field) => [field, item.json[field]]),
		),
	}));
}
