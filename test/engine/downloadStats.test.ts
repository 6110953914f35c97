import { useLocalBigdd } from '../support/local-bigdd';

describe('Download Stats resource (engine + local BigDD)', () => {
	const bigdd = useLocalBigdd();

	it('gets the stats of a window', async () => {
		const { items } = await bigdd.run({
			resource: 'downloadStats',
			operation: 'get',
			window: { start: '2026-05-01T00:00:00Z', end: '2026-06-01T00:00:00Z' },
		});
		expect(bigdd.requestLines()).toEqual([
			'GET /public-api/v1/downloads/stats?start=2026-05-01T00%3A00%3A00.000Z&end=2026-06-01T00%3A00%3A00.000Z',
		]);
		const inWindow = bigdd
			.shop()
			.downloads.filter((d) => d.created_at >= '2026-05-01' && d.created_at < '2026-06-01');
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			period: { start: '2026-05-01T00:00:00.000Z', end: '2026-06-01T00:00:00.000Z' },
			total_downloads: inWindow.length,
		});
	});

	it('without a window BigDD picks the last 30 days', async () => {
		const { items } = await bigdd.run({ resource: 'downloadStats', operation: 'get' });
		expect(bigdd.requestLines()).toEqual(['GET /public-api/v1/downloads/stats']);
		expect(items[0].json).toHaveProperty('total_downloads');
	});

	it('refuses a window that ends before it starts, before sending', async () => {
		const { error } = await bigdd.run({
			resource: 'downloadStats',
			operation: 'get',
			window: { start: '2026-06-01T00:00:00Z', end: '2026-05-01T00:00:00Z' },
		});
		expect(error?.message).toBe('Start must be before End');
		expect(bigdd.requests()).toHaveLength(0);
	});
});
