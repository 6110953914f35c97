// Fields and facts several Order operations share.
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { recordLocator } from '../../listSearch/recordSearches';
import type { ItemParameters } from '../../routing/oneRecord';
import type { IdField } from '../../routing/pathIds';
import type { RecordFields } from '../../routing/simplify';
import { orderIncludeField } from '../../shared/orderChoices';

export const ORDER_ID: IdField = { name: 'orderId', label: 'Order ID' };
export const LINE_ID: IdField = { name: 'lineId', label: 'Line ID' };

/** An order's fields (also a customer's orders'), and what Simplify keeps: the fields most workflows map. */
export const ORDER_FIELDS: RecordFields = {
	all: [
		'id',
		'name',
		'gid',
		'currency',
		'financial_status',
		'fulfillment_status',
		'risk_level',
		'dl_access',
		'is_imported',
		'customer',
		'lines',
		'created_at',
		'updated_at',
	],
	simplified: [
		'id',
		'name',
		'created_at',
		'financial_status',
		'fulfillment_status',
		'dl_access',
		'customer',
		'lines',
	],
};

export const orderIdField: INodeProperties = recordLocator({
	displayName: 'Order',
	name: ORDER_ID.name,
	description: 'The BigDD order (not the Shopify order number). Search by order name, e.g. #1001.',
	searchListMethod: 'searchOrders',
	placeholder: 'e.g. 6789abcdef0123456789abcd',
});

export const lineIdField: INodeProperties = {
	displayName: 'Line ID',
	name: LINE_ID.name,
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. line_001',
	description: 'The ID of the order line, from the order\'s "lines" (Get order)',
};

export const includeOrderDetailsOption: INodeProperties = {
	...orderIncludeField,
	routing: { send: { type: 'query', property: 'include' } },
};

/** The path of the item's order. */
export const orderUrl = (item: ItemParameters) =>
	`/orders/${encodeURIComponent(item.id(ORDER_ID))}`;

/** The query of Include (Options), as Get Many sends it through its routing. */
export function orderInclude(item: ItemParameters): IDataObject {
	const { include } = item.get('options', {}) as IDataObject;
	return include === undefined ? {} : { include };
}
