import type { Operation } from '../resource';
import { licenseKeyUrl } from './fields';

/** Its field is the License Key field the resource shares with Assign and Delete. */
export const licenseKeyUnassign: Operation = {
	toolDescription:
		'Take a license key (by its ID) back from the order it was assigned to; it becomes available again.',
	option: {
		name: 'Unassign',
		value: 'unassign',
		action: 'Unassign license key from order',
		description: 'Release a key from its order so it is available again, e.g. after a refund',
	},
	oneRecord: {
		request: (item) => ({ method: 'POST', url: `${licenseKeyUrl(item)}/unassign` }),
	},
	fields: [],
};
