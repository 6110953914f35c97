import type { IDataObject } from 'n8n-workflow';

/** BigDD's four webhook events: the trigger's choices, its subtitle and what counts as a real event. */
export const WEBHOOK_EVENTS = [
	{
		name: 'File Downloaded',
		value: 'file.downloaded',
		description: 'A customer downloaded a file for the first time',
	},
	{
		name: 'File Redownloaded',
		value: 'file.redownloaded',
		description: 'A customer downloaded a file again',
	},
	{
		name: 'Order Delivered',
		value: 'digital_order.delivered',
		description: 'The delivery email was sent for an order',
	},
	{
		name: 'Order Purchased',
		value: 'digital_order.purchased',
		description: 'A customer bought a digital product',
	},
];

/** The canvas subtitle: the names of the selected events ("Order Purchased"), not their values. */
export const EVENTS_SUBTITLE = `={{ $parameter["events"].map((event) => (${JSON.stringify(
	Object.fromEntries(WEBHOOK_EVENTS.map((event) => [event.value, event.name])),
)})[event] ?? event).join(", ") }}`;

export interface BigddEvent extends IDataObject {
	id: string;
	type: string;
}

/** A BigDD test event: flagged `test: true`, or of a type that is none of the four real events. */
export function isTestEvent(event: BigddEvent): boolean {
	return event.test === true || !WEBHOOK_EVENTS.some((known) => known.value === event.type);
}
