import { apiMessage, redactSecrets } from '../../../../nodes/BigDigitalDownloads/shared/errors';
import { batchIdempotencyKey, splitIntoBatches, userBatchKey } from '../../../../nodes/BigDigitalDownloads/shared/licenseKeyBatches';
import { rateLimitGivingUp } from '../../../../nodes/BigDigitalDownloads/shared/transport';
import { formatMegabytes, multipartBody } from '../../../../nodes/BigDigitalDownloads/shared/upload';
import { downloadLimitValue } from '../../../../nodes/BigDigitalDownloads/shared/validation';
import { customerPathId, retryAfterSeconds, toIdList, toKeyList, toUtcIso } from '../../../../nodes/BigDigitalDownloads/shared/values';

describe('values', () => {
	it('toIdList takes arrays and comma, space or line separated text', () => {
		expect(toIdList('a, b,c\nd  e')).toEqual(['a', 'b', 'c', 'd', 'e']);
		expect(toIdList([' a ', 'b', '', 7])).toEqual(['a', 'b', '7']);
		expect(toIdList('')).toEqual([]);
		expect(toIdList(undefined)).toEqual([]);
	});

	it('toKeyList keeps spaces inside a key and drops blank lines', () => {
		expect(toKeyList('A B\r\n\n  C  \n')).toEqual(['A B', 'C']);
		expect(toKeyList(['X', ' ', 'Y'])).toEqual(['X', 'Y']);
	});

	it('toUtcIso reads zone-less times in the given zone, keeps explicit zones', () => {
		expect(toUtcIso('2026-05-01T00:00:00', 'Europe/Paris')).toBe('2026-04-30T22:00:00.000Z');
		expect(toUtcIso('2026-01-15', 'America/New_York')).toBe('2026-01-15T05:00:00.000Z');
		expect(toUtcIso('2026-05-01T00:00:00+02:00', 'UTC')).toBe('2026-04-30T22:00:00.000Z');
		expect(toUtcIso('2026-05-01T10:00:00.5Z', 'Asia/Tokyo')).toBe('2026-05-01T10:00:00.500Z');
		// 02:30 does not exist in Paris on 2026-03-29 (02:00 -> 03:00): moved forward an hour, as luxon does.
		expect(toUtcIso('2026-03-29T02:30:00', 'Europe/Paris')).toBe('2026-03-29T01:30:00.000Z');
		expect(toUtcIso('next tuesday', 'UTC')).toBeUndefined();
		expect(toUtcIso('', 'UTC')).toBeUndefined();
	});

	it('customerPathId takes a GID or a numeric id', () => {
		expect(customerPathId('gid://shopify/Customer/987654321')).toBe('987654321');
		expect(customerPathId(' 987654321 ')).toBe('987654321');
		expect(customerPathId('odd/value')).toBe('odd/value'); // refused as a path ID by fillPathIds' check
	});
});

describe('download limits', () => {
	it.each([
		[0, 1000, 0],
		[1000, 1000, 1000],
		['12', 1000, 12],
		['', 1000, null],
		[null, 1000, null],
		[1001, 1000, undefined],
		[-1, 1000, undefined],
		[1.5, 1000, undefined],
		['ten', 1000, undefined],
	])('downloadLimitValue(%j, %d) is %j', (value, max, expected) => {
		expect(downloadLimitValue(value, max)).toBe(expected);
	});
});

describe('rate limits', () => {
	it('retryAfterSeconds reads seconds, HTTP dates and falls back to 1', () => {
		expect(retryAfterSeconds('7')).toBe(7);
		expect(retryAfterSeconds(['3'])).toBe(3);
		expect(retryAfterSeconds('Wed, 01 Jan 2026 00:00:30 GMT', Date.parse('2026-01-01T00:00:00Z'))).toBe(30);
		expect(retryAfterSeconds(undefined)).toBe(1);
		expect(retryAfterSeconds('soon')).toBe(1);
	});

	it('rateLimitGivingUp waits up to 60 s at a time and 300 s in all for one request', () => {
		expect(rateLimitGivingUp(0, 60)).toBeUndefined();
		expect(rateLimitGivingUp(0, 61)).toBe('BigDD asked to wait 61 s, longer than the 60 s this node waits. Run it again later.');
		expect(rateLimitGivingUp(299, 1)).toBeUndefined();
		expect(rateLimitGivingUp(300, 1)).toBe('BigDD kept answering 429 after 300 s of waiting. Run it again later or space out your workflows.');
		expect(rateLimitGivingUp(240, 61)).toContain('longer than the 60 s');
	});
});

describe('license key batches', () => {
	it('splitIntoBatches cuts at the size', () => {
		expect(splitIntoBatches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
		expect(splitIntoBatches([], 2)).toEqual([]);
	});

	it('batchIdempotencyKey is stable for the same import and differs for any other', () => {
		const parts = { workflowId: 'wf1', nodeId: 'n1', itemIndex: 0, batchIndex: 0, payload: { keys: ['A'] } };
		const key = batchIdempotencyKey(parts);
		expect(key).toMatch(/^n8n-[0-9a-f]{40}$/);
		expect(batchIdempotencyKey({ ...parts })).toBe(key);
		for (const change of [{ workflowId: 'wf2' }, { nodeId: 'n2' }, { itemIndex: 1 }, { batchIndex: 1 }, { payload: { keys: ['B'] } }]) {
			expect(batchIdempotencyKey({ ...parts, ...change })).not.toBe(key);
		}
	});

	it('userBatchKey: as given for one item and batch, made unique per shared item and per batch', () => {
		const one = { itemIndex: 0, sharedWithOtherItems: false, batchIndex: 0, batchCount: 1 };
		expect(userBatchKey('k', one)).toBe('k');
		expect(userBatchKey('k', { ...one, batchIndex: 1, batchCount: 3 })).toBe('k-2');
		expect(userBatchKey('k', { ...one, itemIndex: 2, sharedWithOtherItems: true })).toBe('k-item3');
		expect(userBatchKey('k', { itemIndex: 1, sharedWithOtherItems: true, batchIndex: 0, batchCount: 2 })).toBe('k-item2-1');
	});
});

describe('upload', () => {
	it('multipartBody wraps the bytes unchanged in one "file" part', () => {
		const file = Buffer.from([0, 255, 13, 10, 45, 45]);
		const body = multipartBody(file, 'a "b".bin', 'application/octet-stream', 'XYZ');
		const text = body.toString('latin1');
		expect(text.startsWith('--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a _b_.bin"')).toBe(true);
		expect(text).toContain("filename*=UTF-8''a%20%22b%22.bin");
		const start = body.indexOf('\r\n\r\n') + 4;
		expect(body.subarray(start, start + file.length)).toEqual(file);
		expect(text.endsWith('\r\n--XYZ--\r\n')).toBe(true);
	});

	it('formatMegabytes', () => {
		expect(formatMegabytes(25 * 1024 * 1024 + 1)).toBe('25.0 MB');
	});
});

describe('apiMessage', () => {
	it('reads BigDD envelopes and plain bodies, never HTML', () => {
		expect(apiMessage({ error: { message: 'limit must be…' } })).toBe('limit must be…');
		expect(apiMessage({ error: 'Nope' })).toBe('Nope');
		expect(apiMessage({ message: 'Bad' })).toBe('Bad');
		expect(apiMessage('<html>502</html>')).toBeUndefined();
		expect(apiMessage('Gateway timeout')).toBe('Gateway timeout');
		expect(apiMessage(null)).toBeUndefined();
	});
});

describe('redactSecrets', () => {
	it('replaces every secret at any depth, also where JSON escapes it, and leaves the rest', () => {
		const body = { error: { message: 'token tok_"abc"/1 refused', nested: ['x tok_"abc"/1 y', 'whsec_zz'] }, other: 'kept' };
		expect(redactSecrets(body, ['tok_"abc"/1', 'whsec_zz', undefined, ''])).toEqual({
			error: { message: 'token [redacted] refused', nested: ['x [redacted] y', '[redacted]'] },
			other: 'kept',
		});
	});

	it('leaves values alone when there is no secret of 4 characters or more', () => {
		expect(redactSecrets('abc abc', ['abc'])).toBe('abc abc');
		expect(redactSecrets(undefined, ['secret'])).toBeUndefined();
	});
});
