import type { INodeProperties } from 'n8n-workflow';
import { cursorListRouting, oneRequestRouting } from '../../shared/pagination';
import { simplifiableRecordOutput, singleRecordOutput } from '../../shared/output';
import { idFieldFor } from '../../shared/descriptions';
import { fillPathIds } from '../../shared/validation';
import { digitalProductIdField } from './fields';
import { validateProductLimits } from './hooks';
import { digitalProductGetAllDescription } from './getAll';
import { digitalProductGetDescription } from './get';
import { digitalProductUpdateLimitsDescription } from './updateLimits';

const productUrl = '/digital-products/{productId}';

export const digitalProductDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['digitalProduct'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get digital product',
				description: 'Get one digital product with its files, limits and delivery settings',
				routing: oneRequestRouting({ method: 'GET', url: productUrl }, simplifiableRecordOutput, [fillPathIds]),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many digital products',
				description: 'List digital products to find their IDs, delivery types, limits and files',
				routing: cursorListRouting('/digital-products'),
			},
			{
				name: 'Update Limits',
				value: 'updateLimits',
				action: 'Update digital product download limits',
				description: 'Change how many downloads each customer gets and how many days the link stays valid',
				routing: oneRequestRouting({ method: 'PUT', url: `${productUrl}/limits` }, singleRecordOutput, [fillPathIds, validateProductLimits]),
			},
		],
		default: 'getAll',
	},
	idFieldFor('digitalProduct', ['get', 'updateLimits'], digitalProductIdField),
	...digitalProductGetAllDescription,
	...digitalProductGetDescription,
	...digitalProductUpdateLimitsDescription,
];
