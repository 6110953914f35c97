import { apiMessage } from '../../../../../nodes/BigDigitalDownloads/transport/errors';

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
