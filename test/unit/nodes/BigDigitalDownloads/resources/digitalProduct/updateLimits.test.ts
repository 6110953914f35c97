import { downloadLimitValue } from '../../../../../../nodes/BigDigitalDownloads/resources/digitalProduct/updateLimits';

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
