import { downloadLimitValue } from '../../../../../../nodes/BigDigitalDownloads/resources/digitalProduct/updateLimits';

describe('download limits', () => {
	it.each([
		[0, 1000, 0],
		[1000, 1000, 1000],
		['12', 1000, 12],
		// Nothing is not unlimited (BigDD reads null so): refused, 0 is the explicit choice.
		['', 1000, undefined],
		[' ', 1000, undefined],
		[null, 1000, undefined],
		[undefined, 1000, undefined],
		[1001, 1000, undefined],
		[-1, 1000, undefined],
		[1.5, 1000, undefined],
		['ten', 1000, undefined],
	])('downloadLimitValue(%j, %d) is %j', (value, max, expected) => {
		expect(downloadLimitValue(value, max)).toBe(expected);
	});
});
