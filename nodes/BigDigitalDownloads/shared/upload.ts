import { randomBytes } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { forEachItem } from './itemLoop';
import { requestWithRateLimitRetry } from './transport';
import { LIMITS } from './limits';

/** A file name safe inside a quoted Content-Disposition value: quotes, backslashes and line breaks replaced. */
function headerFileName(fileName: string): string {
	return fileName.replace(/[\r\n"\\]/g, '_');
}

/** A multipart/form-data body with one part, `file`, holding the bytes unchanged. */
export function multipartBody(file: Buffer, fileName: string, mimeType: string, boundary: string): Buffer {
	const head =
		`--${boundary}\r\n` +
		`Content-Disposition: form-data; name="file"; filename="${headerFileName(fileName)}"; filename*=UTF-8''${encodeURIComponent(fileName)}\r\n` +
		`Content-Type: ${mimeType}\r\n\r\n`;
	return Buffer.concat([Buffer.from(head, 'utf8'), file, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]);
}

/** How long one upload may take before it counts as unanswered. */
const UPLOAD_TIMEOUT_MS = 300_000;

export function formatMegabytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Upload: each item's binary file as multipart to POST /files; over 25 MB is refused before sending. */
export async function uploadFiles(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const node = this.getNode();
	const tooBig = (bytes: number, itemIndex: number) =>
		new NodeOperationError(node, `The file is ${formatMegabytes(bytes)}; BigDD accepts at most 25 MB through the API`, {
			itemIndex,
			description: 'Nothing was sent. Upload bigger files in the BigDD admin, which accepts larger sizes.',
		});
	return await forEachItem(
		this,
		(itemIndex) => {
			const property = this.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
			const binary = this.helpers.assertBinaryData(itemIndex, property);
			// Every item's file is checked before the first upload, from its size where n8n knows it.
			if (typeof binary.bytes === 'number' && binary.bytes > LIMITS.uploadBytes) throw tooBig(binary.bytes, itemIndex);
			const fileName = (this.getNodeParameter('options.fileName', itemIndex, '') as string) || binary.fileName || `${property}.bin`;
			return { property, fileName, mimeType: binary.mimeType || 'application/octet-stream' };
		},
		async ({ property, fileName, mimeType }, itemIndex) => {
			const file = await this.helpers.getBinaryDataBuffer(itemIndex, property);
			if (file.length > LIMITS.uploadBytes) throw tooBig(file.length, itemIndex);
			const boundary = `----n8nBigDD${randomBytes(12).toString('hex')}`;
			const body = await requestWithRateLimitRetry.call(
				this,
				{
					method: 'POST',
					url: '/files',
					body: multipartBody(file, fileName, mimeType, boundary),
					headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, Accept: 'application/json' },
					json: false,
					// 25 MB over a slow uplink takes minutes.
					timeout: UPLOAD_TIMEOUT_MS,
				},
				{ itemIndex, resourceOperation: 'file:upload' },
			);
			return body.data as IDataObject;
		},
	);
}
