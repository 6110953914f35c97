import { randomBytes } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { Operation } from '../resource';
import { refusal } from '../../shared/checks';
import { optionsCollection } from '../../shared/descriptions';
import { forEachItem } from '../../shared/itemLoop';
import { LIMITS } from '../../shared/limits';
import type { RequestRules } from '../../transport/types';
import { requestBigdd } from '../../transport/request';

/** A repeat could store the file twice; BigDD limits uploads on their own (6 per minute). */
const UPLOAD_RULES: RequestRules = { notIdempotent: true, separateRateLimit: 'uploads' };
/** How long one upload may take before it counts as unanswered: 25 MB over a slow uplink takes minutes. */
const UPLOAD_TIMEOUT_MS = 300_000;

/** A file name safe inside a quoted Content-Disposition value: quotes, backslashes and line breaks replaced. */
function headerFileName(fileName: string): string {
	return fileName.replace(/[\r\n"\\]/g, '_');
}

/** A multipart/form-data body with one part, `file`, holding the bytes unchanged. */
export function multipartBody(
	file: Buffer,
	fileName: string,
	mimeType: string,
	boundary: string,
): Buffer {
	const head =
		`--${boundary}\r\n` +
		`Content-Disposition: form-data; name="file"; filename="${headerFileName(fileName)}"; filename*=UTF-8''${encodeURIComponent(fileName)}\r\n` +
		`Content-Type: ${mimeType}\r\n\r\n`;
	return Buffer.concat([
		Buffer.from(head, 'utf8'),
		file,
		Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
	]);
}

export function formatMegabytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Each item's binary file as multipart to POST /files; over 25 MB is refused before sending. */
async function uploadFiles(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const tooBig = (bytes: number, itemIndex: number) =>
		refusal(this.getNode(), itemIndex)(
			`The file is ${formatMegabytes(bytes)}; BigDD accepts at most 25 MB through the API`,
			'Nothing was sent. Upload bigger files in the BigDD admin, which accepts larger sizes.',
		);
	return await forEachItem(
		this,
		(itemIndex) => {
			const property = this.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
			// Said in words an AI agent can act on too: a tool call's item never carries a file.
			if (!this.getInputData()[itemIndex]?.binary?.[property]) {
				throw refusal(this.getNode(), itemIndex)(
					`No binary file in "${property}"`,
					"Upload sends the input item's binary file, from the field named in Input Binary Field: make the node before it output a file there. A tool call (an AI agent, an MCP client) carries no file, so Upload does not work as a tool.",
				);
			}
			const binary = this.helpers.assertBinaryData(itemIndex, property);
			// Every item's file is checked before the first upload, from its size where n8n knows it.
			if (typeof binary.bytes === 'number' && binary.bytes > LIMITS.uploadBytes)
				throw tooBig(binary.bytes, itemIndex);
			const fileName =
				(this.getNodeParameter('options.fileName', itemIndex, '') as string) ||
				binary.fileName ||
				`${property}.bin`;
			return { property, fileName, mimeType: binary.mimeType || 'application/octet-stream' };
		},
		async ({ property, fileName, mimeType }, itemIndex) => {
			const file = await this.helpers.getBinaryDataBuffer(itemIndex, property);
			if (file.length > LIMITS.uploadBytes) throw tooBig(file.length, itemIndex);
			const boundary = `----n8nBigDD${randomBytes(12).toString('hex')}`;
			const body = await requestBigdd.call(
				this,
				{
					method: 'POST',
					url: '/files',
					body: multipartBody(file, fileName, mimeType, boundary),
					headers: {
						'Content-Type': `multipart/form-data; boundary=${boundary}`,
						Accept: 'application/json',
					},
					json: false,
					timeout: UPLOAD_TIMEOUT_MS,
				},
				{ itemIndex, rules: UPLOAD_RULES },
			);
			return body.data as IDataObject;
		},
	);
}

/** A custom operation: the multipart body is built from the item's binary data. */
export const fileUpload: Operation = {
	toolDescription:
		"Upload the input item's binary file to the shop's library. Not for AI agents: it needs a binary file, which a tool call does not carry.",
	option: {
		name: 'Upload',
		value: 'upload',
		action: 'Upload file',
		description: 'Upload a binary file (up to 25 MB) to the BigDD file library',
	},
	execute: uploadFiles,
	fields: [
		{
			displayName:
				'BigDD accepts files up to 25 MB and 6 uploads per minute; the node waits when asked to slow down',
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
			description:
				'Which binary field of the input item holds the file, e.g. "data" from an HTTP Request or Read Files node',
		},
		optionsCollection([
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				placeholder: 'e.g. my-template.zip',
				description: "Name to store the file under; by default the binary's own file name",
			},
		]),
	],
};
