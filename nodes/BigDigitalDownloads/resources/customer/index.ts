import type { INodeProperties } from 'n8n-workflow';
import { cursorListRouting } from '../../shared/pagination';
import { resolveCustomerPath } from './hooks';
import { customerGetDownloadsDescription } from './getDownloads';

export const customerDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customer'] } },
		options: [
			{
				name: 'Get Downloads',
				value: 'getDownloads',
				action: 'Get customer orders and downloads',
				description: "Get a customer's digital orders with every recorded download, e.g. for a support agent",
				routing: cursorListRouting('/customers/{customerId}/downloads', [resolveCustomerPath]),
			},
		],
		default: 'getDownloads',
	},
	...customerGetDownloadsDescription,
];
