import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { forEachItem } from './itemLoop';
import { requestWithRateLimitRetry } from './transport';
import { LIMITS } from './limits';
import { fileIdList, type Refuse } from './validation';
import { describeValue } from './values';

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
export async function createDownloadLinks(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const node = this.getNode();
	return await forEachItem(
		this,
		(itemIndex) => {
			// Hidden fields (a limit without Use Download Limit) are read only when shown.
			const value = (name: string, fallback: unknown) => this.getNodeParameter(name, itemIndex, fallback) as unknown;
			const useDownloadLimit = value('useDownloadLimit', false);
			const useStamping = value('useStamping', false);
			const refuse: Refuse = (message, description) => new NodeOperationError(node, message, { itemIndex, description: description ?? 'Nothing was sent.' });
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
			const response = await requestWithRateLimitRetry.call(
				this,
				{ method: 'POST', url: '/download-links', body, json: true },
				{ itemIndex, resourceOperation: 'downloadLink:create' },
			);
			return (response.data ?? response) as IDataObject;
		},
	);
}
