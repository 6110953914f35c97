import type { Operation } from '../resource';
import { orderUrl } from './fields';

export const orderSetAccess: Operation = {
	toolDescription:
		'Enable or disable download access for a whole order (disabled: the customer can no longer download).',
	option: {
		name: 'Set Access',
		value: 'setAccess',
		action: 'Set order download access',
		description: 'Enable or disable the download page of an order, e.g. revoke after a refund',
	},
	oneRecord: {
		request: (item) => ({
			method: 'POST',
			url: `${orderUrl(item)}/access`,
			body: { access: item.get('access') },
		}),
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
		},
	],
};
