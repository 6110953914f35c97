import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { CREDENTIAL_TYPE } from '../../credentials/BigDigitalDownloadsApi.credentials';
import { customerDescription } from './resources/customer';
import { digitalProductDescription } from './resources/digitalProduct';
import { downloadLinkDescription } from './resources/downloadLink';
import { downloadStatsDescription } from './resources/downloadStats';
import { fileDescription } from './resources/file';
import { licenseKeyDescription } from './resources/licenseKey';
import { orderDescription } from './resources/order';
import { actionSubtitle } from './shared/descriptions';
import { createDownloadLinks } from './shared/downloadLinks';
import { createLicenseKeys } from './shared/licenseKeyBatches';
import { validateLicenseKeys } from './shared/licenseKeyValidation';
import { withListValueChecks } from './shared/optionValues';
import { recordSearches } from './shared/recordLocators';
import { uploadFiles } from './shared/upload';

const properties = withListValueChecks([
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Customer', value: 'customer' },
			{ name: 'Digital Product', value: 'digitalProduct' },
			{ name: 'Download Link', value: 'downloadLink' },
			{ name: 'Download Stat', value: 'downloadStats' },
			{ name: 'File', value: 'file' },
			{ name: 'License Key', value: 'licenseKey' },
			{ name: 'Order', value: 'order' },
		],
		default: 'order',
	},
	...customerDescription,
	...digitalProductDescription,
	...downloadLinkDescription,
	...downloadStatsDescription,
	...fileDescription,
	...licenseKeyDescription,
	...orderDescription,
]);

export class BigDigitalDownloads implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Big Digital Downloads',
		name: 'bigDigitalDownloads',
		icon: { light: 'file:../../icons/bigDigitalDownloads.svg', dark: 'file:../../icons/bigDigitalDownloads.dark.svg' },
		group: ['transform'],
		// 1.1: Sort in its own collection below Options (version 1 keeps it inside Options).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: actionSubtitle(properties),
		description:
			'Manage digital products, orders, license keys, files, download links and download stats in Big Digital Downloads (Shopify)',
		defaults: { name: 'Big Digital Downloads' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		// No baseURL: the credential's authenticate() supplies its API root.
		requestDefaults: {
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			arrayFormat: 'repeat',
			// Every answer goes through the error mapper, so a person reads BigDD's message and a fix.
			ignoreHttpStatusErrors: true,
		},
		properties,
	};

	methods = { listSearch: recordSearches };

	// Operations routing does not fit: download links (every item is checked before the first link,
	// which cannot be listed or undone), key creation (batches of 5,000 per item), uploads (a multipart
	// body from binary data), and Validate (run for thousands of items; routing's cost per item is
	// several expression evaluations of each parameter).
	customOperations = {
		downloadLink: { create: createDownloadLinks },
		licenseKey: { create: createLicenseKeys, validate: validateLicenseKeys },
		file: { upload: uploadFiles },
	};
}
