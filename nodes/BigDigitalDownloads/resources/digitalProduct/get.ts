import type { INodeProperties } from 'n8n-workflow';
import { digitalProductIdField, includeShopifyProductOption } from './fields';

const showOnlyForDigitalProductGet = { resource: ['digitalProduct'], operation: ['get'] };

export const digitalProductGetDescription: INodeProperties[] = [
	{ ...digitalProductIdField, displayOptions: { show: showOnlyForDigitalProductGet } },
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		displayOptions: { show: showOnlyForDigitalProductGet },
		default: {},
		options: [includeShopifyProductOption],
	},
];
