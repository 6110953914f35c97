import type { Operation } from '../../shared/operation';
import { oneRecordRouting } from '../../routing/oneRecord';
import { fillPathIds } from '../../routing/pathIds';
import { LICENSE_KEY_ID, LICENSE_KEY_URL } from './fields';

/** Its field is the License Key field the resource shares with Assign and Unassign. */
export const licenseKeyDelete: Operation = {
	toolDescription:
		'Delete a license key from the inventory by its ID (not the key text). Cannot be undone.',
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete license key',
		description: 'Permanently remove an unassigned key from the inventory',
		routing: oneRecordRouting(
			{ method: 'DELETE', url: LICENSE_KEY_URL },
			{
				preSend: [fillPathIds(LICENSE_KEY_ID)],
				output: 'deleted',
				conflictHint: 'The key is assigned to an order. Unassign it first, then delete.',
			},
		),
	},
	fields: [],
};
