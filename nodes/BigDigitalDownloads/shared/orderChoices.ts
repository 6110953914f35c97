// Choices about orders that the Order operations and the polling trigger both offer.
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** BigDD's financial statuses of an order, as the editor lists them. */
export const FINANCIAL_STATUS_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Authorized', value: 'AUTHORIZED' },
	{ name: 'Expired', value: 'EXPIRED' },
	{ name: 'Paid', value: 'PAID' },
	{ name: 'Partially Paid', value: 'PARTIALLY_PAID' },
	{ name: 'Partially Refunded', value: 'PARTIALLY_REFUNDED' },
	{ name: 'Pending', value: 'PENDING' },
	{ name: 'Refunded', value: 'REFUNDED' },
	{ name: 'Voided', value: 'VOIDED' },
];

/** What BigDD can attach to each order line (`include`): the field, without how it is sent. */
export const orderIncludeField: INodeProperties = {
	displayName: 'Include',
	name: 'include',
	type: 'multiOptions',
	options: [
		{
			name: 'Download Events',
			value: 'downloads',
			description: 'The download events recorded for each line',
		},
		{
			name: 'Shopify Product',
			value: 'product',
			description: 'The Shopify product title and image of each line',
		},
	],
	default: [],
	description: 'Extra details to attach to each order line',
};
