import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { optionsCollection } from '../../shared/descriptions';

const displayOptions = { show: { resource: ['file'], operation: ['upload'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'BigDD accepts files up to 25 MB and 6 uploads per minute; the node waits when asked to slow down',
		name: 'uploadLimitsNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field containing the file to upload',
		description: 'Which binary field of the input item holds the file, e.g. "data" from an HTTP Request or Read Files node',
	},
	optionsCollection([
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			default: '',
			placeholder: 'e.g. my-template.zip',
			description: 'Name to store the file under; by default the binary\'s own file name',
		},
	]),
];

export const fileUploadDescription = updateDisplayOptions(displayOptions, properties);
