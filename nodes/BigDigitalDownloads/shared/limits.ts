/** BigDD's documented limits, checked before a request leaves so that a bad value costs nothing. */
export const LIMITS = {
	searchText: 120,
	maxDownloads: 1_000_000,
	downloadInDays: 100_000,
	stampingText: 500,
	fileIdsPerRequest: 100,
	keysPerBatch: 5_000,
	tag: 120,
	uploadBytes: 25 * 1024 * 1024,
} as const;
