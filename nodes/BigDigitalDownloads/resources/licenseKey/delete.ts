import type { Operation } from '../resource';
import { licenseKeyUrl } from './fields';

/** Its field is the License Key field the resource shares with Assign and Unassign. */
export const licenseKeyDelete: Operation = {
	toolDescription:
		'Delete a license key from the inventory by its ID (not the key text). Cannot be undone.',
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete license key',
		description: 'Permanently remove an unassigned key from the inventory',
	},
	oneRecord: {
		request: (item) => ({ method: 'DELETE', url: licenseKeyUrl(item) }),
		output: 'deleted',
		conflictHint: 'The key is assigned to an order. Unassign it first, then delete.',
	},
	fields: [],
};
