// @ts-check
'use strict';

// Download statistics, as the node's Download Stat resource asks for them.
const { badRequest } = require('../http-error');
const { dateParam } = require('../query');

/** @type {import('../router').Route[]} */
const routes = [
	[
		'GET',
		'/downloads/stats',
		({ shop, query }) => {
			const end = dateParam(query, 'end') ?? shop.now();
			const start =
				dateParam(query, 'start') ?? new Date(Date.parse(end) - 30 * 86_400_000).toISOString();
			if (start > end) throw badRequest('start must be before end');
			const events = shop.downloads.filter((d) => d.created_at >= start && d.created_at < end);
			/** @type {Map<string, { downloads: number, bandwidth_bytes: number }>} */
			const perFile = new Map();
			let bandwidth = 0;
			for (const event of events) {
				const size = shop.filesById.get(event.file_id)?.size ?? 0;
				bandwidth += size;
				const entry = perFile.get(event.file_id) ?? { downloads: 0, bandwidth_bytes: 0 };
				entry.downloads++;
				entry.bandwidth_bytes += size;
				perFile.set(event.file_id, entry);
			}
			const counted = events.filter((d) => !d.is_redownload).length;
			const topFiles = [...perFile.entries()]
				.sort((a, b) => b[1].downloads - a[1].downloads || (a[0] < b[0] ? -1 : 1))
				.slice(0, 10)
				.map(([id, entry]) => {
					const file = shop.filesById.get(id);
					return {
						file: file ? { id, name: file.name, size: file.size, type: file.type } : { id },
						...entry,
					};
				});
			return {
				body: {
					data: {
						period: { start, end },
						total_downloads: events.length,
						counted_downloads: counted,
						billable_downloads: counted,
						total_bandwidth_bytes: bandwidth,
						top_files: topFiles,
					},
				},
			};
		},
	],
];

module.exports = { routes };
