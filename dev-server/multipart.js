// @ts-check
'use strict';

const { badRequest } = require('./http-error');

/**
 * Splits a multipart/form-data body into its parts, byte-exact.
 * @param {Buffer} body
 * @param {string | undefined} contentType
 */
function parseMultipart(body, contentType) {
	const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
	if (!contentType?.toLowerCase().startsWith('multipart/form-data') || !match) {
		throw badRequest('Expected a multipart/form-data body with a boundary');
	}
	const delimiter = Buffer.from(`--${match[1] ?? match[2]}`);
	/** @type {{ field: string, filename?: string, contentType?: string, data: Buffer }[]} */
	const parts = [];
	let position = body.indexOf(delimiter);
	while (position !== -1) {
		const start = position + delimiter.length;
		if (body.subarray(start, start + 2).toString() === '--') break;
		const next = body.indexOf(delimiter, start);
		if (next === -1) break;
		const part = body.subarray(start + 2, next - 2); // skip CRLF after delimiter and before the next one
		const headerEnd = part.indexOf('\r\n\r\n');
		if (headerEnd === -1) throw badRequest('Malformed multipart part');
		const head = part.subarray(0, headerEnd).toString('utf8');
		const disposition = /content-disposition:[^\r\n]*/i.exec(head)?.[0] ?? '';
		const field = /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? '';
		const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
		const type = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim();
		parts.push({ field, filename, contentType: type, data: part.subarray(headerEnd + 4) });
		position = next;
	}
	return {
		files: parts.filter((p) => p.filename !== undefined),
		fields: Object.fromEntries(
			parts.filter((p) => p.filename === undefined).map((p) => [p.field, p.data.toString('utf8')]),
		),
	};
}

module.exports = { parseMultipart };
