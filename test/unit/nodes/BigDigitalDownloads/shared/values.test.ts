import {
	ID_SEPARATORS,
	LINE_SEPARATOR,
	toList,
	toUtcIso,
} from '../../../../../nodes/BigDigitalDownloads/shared/values';

describe('values', () => {
	it('toList of IDs takes arrays and comma, space or line separated text', () => {
		expect(toList('a, b,c\nd  e', ID_SEPARATORS)).toEqual(['a', 'b', 'c', 'd', 'e']);
		expect(toList([' a ', 'b', '', 7], ID_SEPARATORS)).toEqual(['a', 'b', '7']);
		expect(toList('', ID_SEPARATORS)).toEqual([]);
		expect(toList(undefined, ID_SEPARATORS)).toEqual([]);
	});

	it('toList of keys keeps spaces inside a key and drops blank lines', () => {
		expect(toList('A B\r\n\n  C  \n', LINE_SEPARATOR)).toEqual(['A B', 'C']);
		expect(toList(['X', ' ', 'Y'], LINE_SEPARATOR)).toEqual(['X', 'Y']);
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
});
