import { rateLimitGivingUp } from '../../../../nodes/BigDigitalDownloads/shared/transport';

describe('rate limits', () => {
	it('rateLimitGivingUp waits up to 60 s at a time and 300 s in all for one request', () => {
		expect(rateLimitGivingUp(0, 60)).toBeUndefined();
		expect(rateLimitGivingUp(0, 61)).toBe('BigDD asked to wait 61 s, longer than the 60 s this node waits. Run it again later.');
		expect(rateLimitGivingUp(299, 1)).toBeUndefined();
		expect(rateLimitGivingUp(300, 1)).toBe('BigDD kept answering 429 after 300 s of waiting. Run it again later or space out your workflows.');
		expect(rateLimitGivingUp(240, 61)).toContain('longer than the 60 s');
	});
});
