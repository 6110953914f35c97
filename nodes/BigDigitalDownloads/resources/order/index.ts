import type { INodeProperties } from 'n8n-workflow';
import { simplifiableRecordOutput, singleRecordOutput } from '../../shared/output';
import { cursorListRouting, oneRequestRouting } from '../../shared/pagination';
import { idFieldFor } from '../../shared/descriptions';
import { fillPathIds } from '../../shared/validation';
import { lineIdField, orderIdField } from './fields';
import { normalizeLineFiles, normalizeOrderFilters, sendLineId, validateResendEmail } from './hooks';
import { orderGetDescription } from './get';
import { orderGetAllDescription } from './getAll';
import { orderResendEmailDescription } from './resendEmail';
import { orderSetAccessDescription } from './setAccess';
import { orderSetLineFilesDescription } from './setLineFiles';

const orderUrl = '/orders/{orderId}';

export const orderDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get order',
				description: 'Get one order with its customer, lines, license keys and optionally download events',
				routing: oneRequestRouting({ method: 'GET', url: orderUrl }, simplifiableRecordOutput, [fillPathIds]),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many orders',
				description: "Find orders, e.g. a customer's orders by email, an order by name, or paid orders in a date range",
				routing: cursorListRouting('/orders', [normalizeOrderFilters]),
			},
			{
				name: 'Resend Email',
				value: 'resendEmail',
				action: 'Resend order delivery email',
				description: 'Send the download email to the customer again, optionally to a new address',
				routing: oneRequestRouting({ method: 'POST', url: `${orderUrl}/resend-email` }, singleRecordOutput, [fillPathIds, validateResendEmail]),
			},
			{
				name: 'Reset Downloads',
				value: 'resetDownloads',
				action: 'Reset order line download count',
				description: 'Set the download count of one order line back to zero so the customer can download again',
				routing: oneRequestRouting({ method: 'POST', url: `${orderUrl}/reset-downloads` }, singleRecordOutput, [fillPathIds, sendLineId]),
			},
			{
				name: 'Set Access',
				value: 'setAccess',
				action: 'Set order download access',
				description: 'Enable or disable the download page of an order, e.g. revoke after a refund',
				routing: oneRequestRouting({ method: 'POST', url: `${orderUrl}/access` }, singleRecordOutput, [fillPathIds]),
			},
			{
				name: 'Set Line Files',
				value: 'setLineFiles',
				action: 'Set order line files',
				description: 'Choose which files one line of a UNIQUE-delivery order delivers, optionally emailing the customer',
				routing: oneRequestRouting({ method: 'PUT', url: `${orderUrl}/lines/{lineId}/files` }, singleRecordOutput, [fillPathIds, normalizeLineFiles]),
			},
		],
		default: 'getAll',
	},
	idFieldFor('order', ['get', 'resendEmail', 'resetDownloads', 'setAccess', 'setLineFiles'], orderIdField),
	idFieldFor('order', ['resetDownloads', 'setLineFiles'], lineIdField),
	...orderGetAllDescription,
	...orderGetDescription,
	...orderResendEmailDescription,
	...orderSetAccessDescription,
	...orderSetLineFilesDescription,
];
