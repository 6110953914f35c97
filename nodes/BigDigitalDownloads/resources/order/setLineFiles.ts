import type { INodeProperties } from 'n8n-workflow';
import { lineIdField, orderIdField } from './fields';

const showOnlyForOrderSetLineFiles = { resource: ['order'], operation: ['setLineFiles'] };

export const orderSetLineFilesDescription: INodeProperties[] = [
	{
		displayName: 'Only lines of products with UNIQUE delivery take files: each customer gets their own',
		name: 'uniqueDeliveryNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: showOnlyForOrderSetLineFiles },
	},
	{ ...orderIdField, displayOptions: { show: showOnlyForOrderSetLineFiles } },
	{ ...lineIdField, displayOptions: { show: showOnlyForOrderSetLineFiles } },
	{
		displayName: 'Remove All Files',
		name: 'removeAllFiles',
		type: 'boolean',
		default: false,
		description: 'Whether to remove every file from the line instead of setting new ones',
		displayOptions: { show: showOnlyForOrderSetLineFiles },
	},
	{
		displayName: 'File IDs',
		name: 'fileIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. file_aaa111, file_bbb222',
		description:
			'The files this line delivers, replacing the current ones (1 to 100). Separate IDs with commas, or pass an array. To empty the line, turn on Remove All Files.',
		displayOptions: { show: { ...showOnlyForOrderSetLineFiles, removeAllFiles: [false] } },
		routing: { send: { type: 'body', property: 'file_ids' } },
	},
	{
		displayName: 'Send Email',
		name: 'sendEmail',
		type: 'boolean',
		default: false,
		description: 'Whether to send the delivery email to the customer after setting the files',
		displayOptions: { show: showOnlyForOrderSetLineFiles },
		routing: { send: { type: 'body', property: 'send_email' } },
	},
];
