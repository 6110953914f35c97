import type { INodeProperties } from 'n8n-workflow';
import { recordLocator } from '../../listSearch/recordSearches';
import type { ItemParameters } from '../../routing/oneRecord';
import type { IdField } from '../../routing/pathIds';

export const LICENSE_KEY_ID: IdField = { name: 'licenseKeyId', label: 'License Key ID' };
/** The path of the item's license key. */
export const licenseKeyUrl = (item: ItemParameters) =>
	`/license-keys/${encodeURIComponent(item.id(LICENSE_KEY_ID))}`;

export const licenseKeyIdField: INodeProperties = recordLocator({
	displayName: 'License Key',
	name: LICENSE_KEY_ID.name,
	description:
		"BigDD's record of the key (By ID takes its ID, not the key text). Search by the key text. Assign takes an available key, Delete an unassigned one.",
	searchListMethod: 'searchLicenseKeys',
	placeholder: 'e.g. 6789abcdef0123456789abcd',
});
