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

	it('retryAfterSeconds reads seconds, HTTP dates and falls back to 1', () => {
		expect(retryAfterSeconds('7')).toBe(7);
		expect(retryAfterSeconds(['3'])).toBe(3);
		expect(retryAfterSeconds('Wed, 01 Jan 2026 00:00:30 GMT', Date.parse('2026-01-01T00:00:00Z'))).toBe(30);
		expect(retryAfterSeconds(undefined)).toBe(1);
		expect(retryAfterSeconds('soon')).toBe(1);
	});
});
