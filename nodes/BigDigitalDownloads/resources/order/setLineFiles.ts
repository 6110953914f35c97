import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

const displayOptions = { show: { resource: ['order'], operation: ['setLineFiles'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Only lines of products with UNIQUE delivery take files: each customer gets their own',
		name: 'uniqueDeliveryNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Remove All Files',
		name: 'removeAllFiles',
		type: 'boolean',
		default: false,
		description: 'Whether to remove every file from the line instead of setting new ones',
	},
	{
		displayName: 'File IDs',
		name: 'fileIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. file_aaa111, file_bbb222',
		description:
			'The files this line delivers, replacing the current ones (1 to 100). Separate IDs with commas, or pass an array. To empty the line, turn on Remove All Files.',
		displayOptions: { show: { removeAllFiles: [false] } },
		routing: { send: { type: 'body', property: 'file_ids' } },
	},
	{
		displayName: 'Send Email',
		name: 'sendEmail',
		type: 'boolean',
		default: false,
		description: 'Whether to send the delivery email to the customer after setting the files',
		routing: { send: { type: 'body', property: 'send_email' } },
	},
];

export const orderSetLineFilesDescription = updateDisplayOptions(displayOptions, properties);
