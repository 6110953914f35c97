import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { LIMITS } from '../../shared/limits';

const displayOptions = { show: { resource: ['downloadLink'], operation: ['create'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'BigDD cannot list, edit or delete a download link later: store the URL this returns',
		name: 'storeUrlNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'File IDs',
		name: 'fileIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 6789abcdef0123456789abcd, 6789abcdef0123456789abce',
		description: 'The files to bundle into the link (1 to 100). Separate IDs with commas, or pass an array.',
	},
	{
		displayName: 'Use Download Limit',
		name: 'useDownloadLimit',
		type: 'boolean',
		default: false,
		description: 'Whether to limit how many times the link can be used',
	},
	{
		displayName: 'Download Limit',
		name: 'downloadLimit',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 3,
		description: 'Max number of downloads through the link. 0 means unlimited.',
		displayOptions: { show: { useDownloadLimit: [true] } },
	},
	{
		displayName: 'Use PDF Stamping',
		name: 'useStamping',
		type: 'boolean',
		default: false,
		description: 'Whether to watermark every PDF in the link',
	},
	{
		displayName: 'Stamping Text',
		name: 'stampingText',
		type: 'string',
		default: '',
		placeholder: 'e.g. Licensed to: jane@example.com — Order #1042',
		description: `The watermark text, e.g. the customer's name, email or order number (at most ${LIMITS.stampingText} characters)`,
		displayOptions: { show: { useStamping: [true] } },
	},
];

export const downloadLinkCreateDescription = updateDisplayOptions(displayOptions, properties);
