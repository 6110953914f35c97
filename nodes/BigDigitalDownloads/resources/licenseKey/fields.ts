import type { INodeProperties } from 'n8n-workflow';
import { recordLocator } from '../../shared/recordLocators';

export const licenseKeyIdField: INodeProperties = recordLocator({
	displayName: 'License Key',
	name: 'licenseKeyId',
	description:
		"BigDD's record of the key (By ID takes its ID, not the key text). Search by the key text. Assign takes an available key, Delete an unassigned one.",
	searchListMethod: 'searchLicenseKeys',
	placeholder: 'e.g. 6789abcdef0123456789abcd',
});
