import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { API_ROOT_EXPRESSION } from '../../credentials/BigDigitalDownloadsApi.credentials';
import { digitalProductDescription } from './resources/digitalProduct';

export class BigDigitalDownloads implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Big Digital Downloads',
		name: 'bigDigitalDownloads',
		icon: { light: 'file:../../icons/bigDigitalDownloads.svg', dark: 'file:../../icons/bigDigitalDownloads.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Manage digital products, orders, license keys, files, download links and download stats in Big Digital Downloads (Shopify)',
		defaults: { name: 'Big Digital Downloads' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'bigDigitalDownloadsApi', required: true }],
		requestDefaults: {
			baseURL: API_ROOT_EXPRESSION,
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			arrayFormat: 'repeat',
			// Every answer goes through the error mapper, so a person reads BigDD's message and a fix.
			ignoreHttpStatusErrors: true,
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Digital Product', value: 'digitalProduct' }],
				default: 'digitalProduct',
			},
			...digitalProductDescription,
		],
	};
}
