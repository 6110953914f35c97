import {
	formatMegabytes,
	multipartBody,
} from '../../../../../../nodes/BigDigitalDownloads/resources/file/upload';

describe('upload', () => {
	it('multipartBody wraps the bytes unchanged in one "file" part', () => {
		const file = Buffer.from([0, 255, 13, 10, 45, 45]);
		const body = multipartBody(file, 'a "b".bin', 'application/octet-stream', 'XYZ');
		const text = body.toString('latin1');
		expect(
			text.startsWith('--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a _b_.bin"'),
		).toBe(true);
		expect(text).toContain("filename*=UTF-8''a%20%22b%22.bin");
		const start = body.indexOf('\r\n\r\n') + 4;
		expect(body.subarray(start, start + file.length)).toEqual(file);
		expect(text.endsWith('\r\n--XYZ--\r\n')).toBe(true);
	});

	it('formatMegabytes', () => {
		expect(formatMegabytes(25 * 1024 * 1024 + 1)).toBe('25.0 MB');
	});
});
