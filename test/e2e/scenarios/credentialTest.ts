// What the credential Test must say, shared by the n8n 2.x and 1.x suites.

/** What the credential Test says for each status BigDD documents (n8n 2.x). */
export const MESSAGES = {
	401: 'The API token was refused. Copy a valid token from Settings > Public API.',
	403: 'The shop is inactive or its plan is below Growth, which the Public API needs.',
	404: 'No BigDD API at this Base URL. Leave it at https://islandcloud.co unless you run a local server.',
	429: 'BigDD is rate-limiting this token right now. Wait a minute and test again.',
} as const;

/** What n8n 1.105–1.123 say instead, for the same statuses (their credentials tester skips the rules). */
export const N8N1_MESSAGES: Record<keyof typeof MESSAGES, string> = {
	401: 'Authorization failed - please check your credentials',
	403: 'Forbidden - perhaps check your credentials?',
	404: 'The resource you are requesting could not be found',
	429: 'The service is receiving too many requests from you',
};

export const NOT_BIGDD =
	'The Base URL answered, but not like the BigDD API. Check the Base URL: https://islandcloud.co unless you run a local server.';

/** How many requests the Test sends for a status: n8n asks once more after a 401 (to refresh a credential). */
export const TIMES_ASKED = { 401: 2, 403: 1, 404: 1, 429: 1 } as const;

/**
 * Error bodies BigDD might send with `status`: its reference documents status codes, not bodies, so the
 * verdict must not depend on them (the local server's envelope is only one guess).
 */
export function errorBodies(status: number): [string, { body?: unknown; rawBody?: string }][] {
	return [
		[
			"the local server's envelope",
			{ body: { error: { status, code: 'error', message: 'Refused' } } },
		],
		[
			'another envelope (a code, no status)',
			{ body: { error: { code: 'unauthorized', message: 'Invalid or revoked API token' } } },
		],
		['a plain-text body', { rawBody: 'Forbidden' }],
		['an empty body', { rawBody: '' }],
	];
}
