import { redactSecrets } from '../../../../../nodes/BigDigitalDownloads/transport/credential';

describe('redactSecrets', () => {
	it('replaces every secret at any depth, also where JSON escapes it, and leaves the rest', () => {
		const body = {
			error: { message: 'token tok_"abc"/1 refused', nested: ['x tok_"abc"/1 y', 'whsec_zz'] },
			other: 'kept',
		};
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
