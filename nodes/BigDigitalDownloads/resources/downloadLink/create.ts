import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { Operation } from '../../shared/operation';
import { fileIdList, refusal, type Refuse } from '../../shared/checks';
import { forEachItem } from '../../shared/itemLoop';
import { LIMITS } from '../../shared/limits';
import { describeValue } from '../../shared/values';
import type { OperationFacts } from '../../transport/errors';
import { customOperationRouting } from '../../routing/customOperationRouting';
import { requestBigdd } from '../../transport/request';

/** A repeat would create a second link. */
const FACTS: OperationFacts = { notIdempotent: true };

/**
 * The body of one download link: 1 to 100 files; a limit (a whole number, 0 = unlimited) only with
 * Use Download Limit; stamping text of at most 500 characters only with Use PDF Stamping.
 */
function downloadLinkBody(
	input: { fileIds: unknown; useDownloadLimit: unknown; downloadLimit: unknown; useStamping: unknown; stampingText: unknown },
	refuse: Refuse,
): IDataObject {
	const body: IDataObject = { file_ids: fileIdList(refuse, input.fileIds, 1), use_download_limit: input.useDownloadLimit === true };
	if (input.useDownloadLimit === true) {
		if (!Number.isInteger(input.downloadLimit) || (input.downloadLimit as number) < 0) {
			throw refuse('Download Limit must be a whole number of 0 or more', `Got ${describeValue(input.downloadLimit)}. 0 means unlimited.`);
		}
		body.download_limit = input.downloadLimit as number;
	}
	body.use_stamping = input.useStamping === true;
	if (input.useStamping === true) {
		const text = input.stampingText ?? '';
		if (typeof text !== 'string') throw refuse(`Stamping Text must be text, got ${describeValue(text)}`);
		if (text.length > LIMITS.stampingText) throw refuse(`Stamping Text is ${text.length} characters long; BigDD accepts at most ${LIMITS.stampingText}`);
		body.stamping_text = text;
	}
	return body;
}

/**
 * Create download links, one per item. BigDD cannot list links later, so a link whose URL is lost is
 * lost: every item is checked before the first link is created, and a failure stops before the next.
 */
async function createDownloadLinks(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await forEachItem(
		this,
		(itemIndex) => {
			// Hidden fields (a limit without Use Download Limit) are read only when shown.
			const value = (name: string, fallback: unknown) => this.getNodeParameter(name, itemIndex, fallback) as unknown;
			const useDownloadLimit = value('useDownloadLimit', false);
			const useStamping = value('useStamping', false);
			const refuse = refusal(this.getNode(), itemIndex, 'Nothing was sent.');
			return downloadLinkBody(
				{
					fileIds: value('fileIds', ''),
					useDownloadLimit,
					downloadLimit: useDownloadLimit === true ? value('downloadLimit', null) : undefined,
					useStamping,
					stampingText: useStamping === true ? value('stampingText', '') : undefined,
				},
				refuse,
			);
		},
		async (body, itemIndex) => {
			const response = await requestBigdd.call(this, { method: 'POST', url: '/download-links', body, json: true }, { itemIndex, operation: FACTS });
			return (response.data ?? response) as IDataObject;
		},
	);
}

/**
 * A custom operation: BigDD cannot list links later, so every item is checked before the first link
 * is created (routing would send each item's request as soon as that item is read).
 */
export const downloadLinkCreate: Operation = {
	toolDescription: 'Create a new download link for 1 to 100 files (BigDD file IDs, separated by commas). Returns the link URL to give the customer. Each call creates a new link.',
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create download link',
		description: 'Bundle files into a secure download URL, optionally limited and PDF-watermarked',
		routing: customOperationRouting(createDownloadLinks),
	},
	execute: createDownloadLinks,
	fields: [
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
	],
};
