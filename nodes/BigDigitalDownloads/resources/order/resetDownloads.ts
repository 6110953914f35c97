import type { Operation } from '../resource';
import { LINE_ID, orderUrl } from './fields';

/** Its fields are the Order and Line ID fields the resource shares with other operations. */
export const orderResetDownloads: Operation = {
	toolDescription:
		"Reset the download count of one order line, so the customer can download again after reaching the limit. Needs the order's ID and the line's ID.",
	option: {
		name: 'Reset Downloads',
		value: 'resetDownloads',
		action: 'Reset order line download count',
		description:
			'Set the download count of one order line back to zero so the customer can download again',
	},
	oneRecord: {
		// The line goes in the body, checked like every ID (Set Line Files puts the same field in its path).
		request: (item) => ({
			method: 'POST',
			url: `${orderUrl(item)}/reset-downloads`,
			body: { line_id: item.id(LINE_ID) },
		}),
	},
	fields: [],
};
