import type { Operation } from '../../shared/operation';
import { optionsCollection } from '../../shared/descriptions';
import { fillPathIds } from '../../routing/pathIds';
import { oneRecordRouting } from '../../routing/oneRecord';
import { recordOutputFields } from '../../routing/simplify';
import { includeOrderDetailsOption, ORDER_ID, ORDER_URL, ORDER_FIELDS } from './fields';

export const orderGet: Operation = {
	toolDescription:
		'Get one order by its BigDD ID, with its customer, lines (lines[].digital_product.id) and license keys.',
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get order',
		description:
			'Get one order with its customer, lines, license keys and optionally download events',
		routing: oneRecordRouting(
			{ method: 'GET', url: ORDER_URL },
			{ preSend: [fillPathIds(ORDER_ID)], recordFields: ORDER_FIELDS },
		),
	},
	fields: [...recordOutputFields(ORDER_FIELDS), optionsCollection([includeOrderDetailsOption])],
};
