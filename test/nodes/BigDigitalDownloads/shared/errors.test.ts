import { apiMessage, redactSecrets } from '../../../../nodes/BigDigitalDownloads/shared/errors';

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
