import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { optionsCollection } from '../../shared/descriptions';

const displayOptions = { show: { resource: ['licenseKey'], operation: ['create'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Keys',
		name: 'keys',
		type: 'string',
		typeOptions: { rows: 6 },
		required: true,
		default: '',
		placeholder: 'PLUG-AAAA-1111-BBBB-2222\nPLUG-CCCC-3333-DDDD-4444',
		description:
			'One key per line, or an array of strings from an expression. Any number: more than 5,000 are sent as consecutive batches of 5,000.',
	},
	{
		displayName: 'Tag',
		name: 'tag',
		type: 'string',
		default: '',
		placeholder: 'e.g. photoshop-plugin-v3',
		description: 'A label to group the keys, e.g. the product or batch name (at most 120 characters)',
	},
	{
		displayName: 'Duplicates',
		name: 'duplicates',
		type: 'options',
		options: [
			{ name: 'Create', value: 'create', description: 'Insert them anyway' },
			{ name: 'Fail', value: 'fail', description: 'Reject the whole batch if any key already exists' },
			{ name: 'Skip', value: 'skip', description: 'Ignore keys that already exist' },
		],
		default: 'skip',
		description: 'What to do with keys that already exist in the inventory',
	},
	optionsCollection([
		{
			displayName: 'Idempotency Key',
			name: 'idempotencyKey',
			type: 'string',
			default: '',
			description:
				'Sent as the Idempotency-Key header (suffixed -1, -2… when there are several batches). By default one is derived from the execution, node, item and batch, so retries never create keys twice.',
		},
	]),
];

export const licenseKeyCreateDescription = updateDisplayOptions(displayOptions, properties);
