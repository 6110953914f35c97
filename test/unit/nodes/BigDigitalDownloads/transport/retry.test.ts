import { rateLimitGivingUp, retryAfterSeconds } from '../../../../../nodes/BigDigitalDownloads/transport/retry';

describe('rate limits', () => {
	it('rateLimitGivingUp waits up to 60 s at a time and 300 s in all for one request', () => {
		expect(rateLimitGivingUp(0, 60)).toBeUndefined();
		expect(rateLimitGivingUp(0, 61)).toBe('BigDD asked to wait 61 s, longer than the 60 s this node waits. Run it again later.');
		expect(rateLimitGivingUp(299, 1)).toBeUndefined();
		expect(rateLimitGivingUp(300, 1)).toBe('BigDD kept answering 429 after 300 s of waiting. Run it again later or space out your workflows.');
		expect(rateLimitGivingUp(240, 61)).toContain('longer than the 60 s');
	});

	it('retryAfterSeconds reads seconds, HTTP dates and falls back to 1', () => {
		expect(retryAfterSeconds('7')).toBe(7);
		expect(retryAfterSeconds(['3'])).toBe(3);
		expect(retryAfterSeconds('Wed, 01 Jan 2026 00:00:30 GMT', Date.parse('2026-01-01T00:00:00Z'))).toBe(30);
		expect(retryAfterSeconds(undefined)).toBe(1);
		expect(retryAfterSeconds('soon')).toBe(1);
	});
});
