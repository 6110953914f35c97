import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit, searchFilter, sortOption } from '../../shared/descriptions';

const showOnlyForLicenseKeyGetMany = { resource: ['licenseKey'], operation: ['getAll'] };

export const licenseKeyGetAllDescription: INodeProperties[] = [
	...returnAllAndLimit(showOnlyForLicenseKeyGetMany),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		displayOptions: { show: showOnlyForLicenseKeyGetMany },
		default: {},
		options: [
			searchFilter('key value', 'e.g. PLUG-ABCD'),
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Available', value: 'available', description: 'Not assigned to an order yet' },
					{ name: 'Assigned', value: 'assigned', description: 'Consumed by an order' },
				],
				default: 'available',
				routing: { send: { type: 'query', property: 'status' } },
			},
			{
				displayName: 'Tag',
				name: 'tag',
				type: 'string',
				default: '',
				placeholder: 'e.g. photoshop-plugin',
				description: 'Only keys with exactly this tag',
				routing: { send: { type: 'query', property: 'tag' } },
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		displayOptions: { show: showOnlyForLicenseKeyGetMany },
		default: {},
		options: [sortOption],
	},
];
