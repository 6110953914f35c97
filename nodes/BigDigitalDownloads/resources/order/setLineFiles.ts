import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import type { Operation } from '../../shared/operation';
import { fileIdList, refusal } from '../../shared/checks';
import { oneRecordRouting } from '../../routing/oneRecord';
import { fillPathIds } from '../../routing/pathIds';
import { LINE_ID, ORDER_ID, ORDER_URL } from './fields';

/**
 * preSend: 1 to 100 file IDs, or none with Remove All Files on. An empty field or an expression that
 * gives nothing is refused: clearing a line is an explicit choice.
 */
async function normalizeLineFiles(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = { ...((requestOptions.body ?? {}) as IDataObject) };
	body.file_ids =
		this.getNodeParameter('removeAllFiles', false) === true
			? []
			: fileIdList(
					refusal(this.getNode(), this.getItemIndex()),
					body.file_ids,
					1,
					' Nothing was changed. To empty the line, turn on Remove All Files.',
				);
	return { ...requestOptions, body };
}

export const orderSetLineFiles: Operation = {
	toolDescription:
		'Set which files an order line delivers (only lines of UNIQUE delivery products), optionally e-mailing the customer.',
	option: {
		name: 'Set Line Files',
		value: 'setLineFiles',
		action: 'Set order line files',
		description:
			'Choose which files one line of a UNIQUE-delivery order delivers, optionally emailing the customer',
		routing: oneRecordRouting(
			{ method: 'PUT', url: `${ORDER_URL}/lines/{${LINE_ID.name}}/files` },
			{ preSend: [fillPathIds(ORDER_ID, LINE_ID), normalizeLineFiles], notIdempotent: true },
		),
	},
	fields: [
		{
			displayName:
				'Only lines of products with UNIQUE delivery take files: each customer gets their own',
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
	],
};
