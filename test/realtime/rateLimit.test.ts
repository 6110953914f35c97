// A shop-wide rate limit is a window of real time on the server: the node's waits must really pass.
import { useLocalBigdd } from '../support/local-bigdd';

jest.setTimeout(120_000);

describe('429 on one-record operations is waited out in real time (engine + local BigDD)', () => {
	const bigdd = useLocalBigdd({ licenseKeys: 400, orders: 200 });

	it('Validate for 100 items under a shop-wide limit of 10 requests/s: 100 verdicts, paired, each key asked until answered, close to one request per key', async () => {
		const keys = bigdd
			.shop()
			.licenseKeys.slice(0, 100)
			.map((k) => k.key);
		bigdd.server().server.setRateLimit(10);
		const { items, error } = await bigdd.run(
			{ resource: 'licenseKey', operation: 'validate', key: '={{ $json.key }}' },
			{ items: keys.map((key) => ({ json: { key } })) },
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => [i.json.key, i.pairedItem])).toEqual(
			keys.map((key, item) => [key, { item }]),
		);
		expect(items.every((i) => i.json.valid === true)).toBe(true);
		const answered = bigdd
			.requests()
			.filter((r) => r.status === 200)
			.map((r) => r.query.key);
		expect(answered.sort()).toEqual([...keys].sort());
		// Before the pace was learned (the first 429) at most 10 requests, plus one for each BigDD accepted, are in
		// flight: those 20 are refused, not 90 of 100; a few more may be while the pace settles.
		expect(bigdd.requests().length).toBeLessThanOrEqual(130);
	});
});
