import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { filtersCollection, listOptionsAndSort, returnAllAndLimit, searchFilter } from '../../shared/descriptions';
import { simplifyToggle } from '../../shared/simplify';
import { includeOrderDetailsOption } from './fields';

const displayOptions = { show: { resource: ['order'], operation: ['getAll'] } };

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	simplifyToggle(),
	filtersCollection([
		{
			displayName: 'Created After',
			name: 'createdAfter',
			type: 'dateTime',
			default: '',
			description: 'Only orders created at or after this time (inclusive). Without a zone it is read in the workflow\'s time zone.',
			routing: { send: { type: 'query', property: 'created_after' } },
		},
		{
			displayName: 'Created Before',
			name: 'createdBefore',
			type: 'dateTime',
			default: '',
			description: 'Only orders created before this time (exclusive). Without a zone it is read in the workflow\'s time zone.',
			routing: { send: { type: 'query', property: 'created_before' } },
		},
		{
			displayName: 'Customer Email',
			name: 'customerEmail',
			type: 'string',
			placeholder: 'e.g. name@email.com',
			default: '',
			description: 'Only orders of the customer with exactly this email',
			routing: { send: { type: 'query', property: 'customer_email' } },
		},
		{
			displayName: 'Digital Product IDs',
			name: 'digitalProductIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 6789abcdef0123456789abcd, 6789abcdef0123456789abce',
			description: 'Only orders containing one of these digital products. Separate IDs with commas, or pass an array.',
			routing: { send: { type: 'query', property: 'digital_product_id' } },
		},
		{
			displayName: 'Financial Status',
			name: 'financialStatus',
			type: 'multiOptions',
			options: [
				{ name: 'Authorized', value: 'AUTHORIZED' },
				{ name: 'Expired', value: 'EXPIRED' },
				{ name: 'Paid', value: 'PAID' },
				{ name: 'Partially Paid', value: 'PARTIALLY_PAID' },
				{ name: 'Partially Refunded', value: 'PARTIALLY_REFUNDED' },
				{ name: 'Pending', value: 'PENDING' },
				{ name: 'Refunded', value: 'REFUNDED' },
				{ name: 'Voided', value: 'VOIDED' },
			],
			default: [],
			description: 'Only orders in one of these financial statuses',
			routing: { send: { type: 'query', property: 'financial_status' } },
		},
		searchFilter('order name', 'e.g. #1001'),
	]),
	...listOptionsAndSort([includeOrderDetailsOption]),
];

export const orderGetAllDescription = updateDisplayOptions(displayOptions, properties);
