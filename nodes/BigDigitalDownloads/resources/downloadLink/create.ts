import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { Operation } from '../resource';
import { fileIdList, refusal } from '../../shared/checks';
import { downloadLinkOptionFields, downloadLinkOptions } from '../../shared/downloadLinkOptions';
import { forEachItem } from '../../shared/itemLoop';
import type { RequestRules } from '../../transport/types';
import { MAX_IN_FLIGHT } from '../../transport/pacer';
import { requestBigdd } from '../../transport/request';

/** A repeat would create a second link. */
const CREATE_LINK_RULES: RequestRules = { notIdempotent: true };

/**
 * Create download links, one per item. BigDD cannot list links later, so a link whose URL is lost is
 * lost: every item is checked before the first link is created, and a failure stops before the next.
 */
async function createDownloadLinks(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await forEachItem(
		this,
		(itemIndex) => {
			const refuse = refusal(this.getNode(), itemIndex, 'Nothing was sent.');
			return {
				file_ids: fileIdList(refuse, this.getNodeParameter('fileIds', itemIndex, ''), 1),
				...downloadLinkOptions(this, itemIndex, refuse),
			};
		},
		async (body, itemIndex, stop) => {
			const response = await requestBigdd.call(
				this,
				{ method: 'POST', url: '/download-links', body, json: true },
				{ itemIndex, rules: CREATE_LINK_RULES, stop },
			);
			return (response.data ?? response) as IDataObject;
		},
		{ concurrency: MAX_IN_FLIGHT },
	);
}

/**
 * A custom operation: BigDD cannot list links later, so every item is checked before the first link
 * is created (routing would send each item's request as soon as that item is read).
 */
export const downloadLinkCreate: Operation = {
	toolDescription:
		'Create a new download link for 1 to 100 files (BigDD file IDs, separated by commas). Returns the link URL to give the customer. Each call creates a new link.',
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create download link',
		description: 'Bundle files into a secure download URL, optionally limited and PDF-watermarked',
	},
	execute: createDownloadLinks,
	fields: [
		{
			displayName:
				'BigDD cannot list, edit or delete a download link later: store the URL this returns',
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
			description:
				'The files to bundle into the link (1 to 100). Separate IDs with commas, or pass an array.',
		},
		...downloadLinkOptionFields,
	],
};
