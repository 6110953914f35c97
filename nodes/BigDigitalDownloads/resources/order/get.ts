import type { Operation } from '../resource';
import { optionsCollection } from '../../shared/descriptions';
import { recordOutputFields } from '../../routing/simplify';
import { includeOrderDetailsOption, ORDER_FIELDS, orderInclude, orderUrl } from './fields';

export const orderGet: Operation = {
	toolDescription:
		'Get one order by its BigDD ID, with its customer, lines (lines[].digital_product.id) and license keys.',
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get order',
		description:
			'Get one order with its customer, lines, license keys and optionally download events',
	},
	oneRecord: {
		request: (item) => ({ method: 'GET', url: orderUrl(item), qs: orderInclude(item) }),
		recordFields: ORDER_FIELDS,
	},
	fields: [...recordOutputFields(ORDER_FIELDS), optionsCollection([includeOrderDetailsOption])],
};
