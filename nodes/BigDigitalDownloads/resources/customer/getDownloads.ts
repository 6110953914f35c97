import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit } from '../../shared/descriptions';
import { simplifyToggle } from '../../shared/simplify';

const displayOptions = { show: { resource: ['customer'], operation: ['getDownloads'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. gid://shopify/Customer/987654321',
		description: 'The Shopify customer GID or its numeric ID (e.g. 987654321)',
	},
	...returnAllAndLimit(),
	simplifyToggle(),
];

export const customerGetDownloadsDescription = updateDisplayOptions(displayOptions, properties);
