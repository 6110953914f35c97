import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { CREDENTIAL_TYPE } from '../../credentials/BigDigitalDownloadsApi.credentials';
import { recordSearches } from './listSearch/recordSearches';
import { customOperations, resourceProperties } from './resources';
import { actionSubtitle } from './shared/descriptions';
import { BIGDD_REQUEST_DEFAULTS } from './transport/request';

export class BigDigitalDownloads implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Big Digital Downloads',
		name: 'bigDigitalDownloads',
		icon: {
			light: 'file:../../icons/bigDigitalDownloads.svg',
			dark: 'file:../../icons/bigDigitalDownloads.dark.svg',
		},
		group: ['transform'],
		// 1.1: Sort in its own collection below Options (version 1 keeps it inside Options).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: actionSubtitle(resourceProperties),
		description:
			'Manage digital products, orders, license keys, files, download links and download stats in Big Digital Downloads (Shopify)',
		defaults: { name: 'Big Digital Downloads' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		// No baseURL: the credential's authenticate() supplies its API root.
		requestDefaults: {
			...BIGDD_REQUEST_DEFAULTS,
			// Every answer goes through the error mapper, so a person reads BigDD's message and a fix.
			ignoreHttpStatusErrors: true,
		},
		properties: resourceProperties,
	};

	methods = { listSearch: recordSearches };

	// Operations routing does not fit (each says why next to its execute): Download Link Create,
	// License Key Create and Validate, File Upload.
	customOperations = customOperations;
}
