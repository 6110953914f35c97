import type { Operation } from '../../shared/operation';
import { oneRecordRouting } from '../../routing/oneRecord';
import { fillPathIds } from '../../routing/pathIds';
import { ORDER_ID, ORDER_URL } from './fields';

export const orderSetAccess: Operation = {
	toolDescription:
		'Enable or disable download access for a whole order (disabled: the customer can no longer download).',
	option: {
		name: 'Set Access',
		value: 'setAccess',
		action: 'Set order download access',
		description: 'Enable or disable the download page of an order, e.g. revoke after a refund',
		routing: oneRecordRouting(
			{ method: 'POST', url: `${ORDER_URL}/access` },
			{ preSend: [fillPathIds(ORDER_ID)] },
		),
	},
	fields: [
		{
			displayName: 'Download Access',
			name: 'access',
			type: 'options',
			required: true,
			options: [
				{
					name: 'Disabled',
					value: 'disabled',
					description: 'The customer cannot open their download page, e.g. after a refund',
				},
				{
					name: 'Enabled',
					value: 'enabled',
					description: 'The customer can open their download page',
				},
			],
			default: 'disabled',
			description: "Whether the customer can open the order's download page",
			routing: { send: { type: 'body', property: 'access' } },
		},
	],
};
