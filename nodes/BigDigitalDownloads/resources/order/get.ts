import type { INodeProperties } from 'n8n-workflow';
import { includeOrderDetailsOption, orderIdField } from './fields';

const showOnlyForOrderGet = { resource: ['order'], operation: ['get'] };

export const orderGetDescription: INodeProperties[] = [
	{ ...orderIdField, displayOptions: { show: showOnlyForOrderGet } },
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		displayOptions: { show: showOnlyForOrderGet },
		default: {},
		options: [includeOrderDetailsOption],
	},
];
