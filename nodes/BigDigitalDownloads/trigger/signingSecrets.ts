/**
 * The most signing secrets one credential holds. BigDD gives every endpoint its own secret and every
 * trigger node has its own URL, so a shop with several trigger workflows keeps one secret per endpoint
 * in its one credential (and, while rotating, the old and the new secret of an endpoint).
 */
export const MAX_SIGNING_SECRETS = 20;

/** What BigDD's secrets look like: `whsec_` and printable characters (a secret never holds a space or comma). */
const SECRET_PATTERN = /^whsec_[\x21-\x2b\x2d-\x7e]+$/;

/**
 * The signing secrets of the credential's Webhook Signing Secrets field: one or more `whsec_…`
 * separated by commas, spaces or new lines. Anything else is a problem to show, naming which secret
 * by its place, never its text: no secret, one that is not BigDD's, one listed twice, too many.
 */
export function parseSigningSecrets(value: unknown): { secrets: string[] } | { problem: string } {
	const secrets = typeof value === 'string' ? value.split(/[\s,]+/).filter((part) => part !== '') : [];
	if (secrets.length === 0) return { problem: 'The Big Digital Downloads credential has no Webhook Signing Secret' };
	const malformed = secrets.findIndex((secret) => !SECRET_PATTERN.test(secret));
	if (malformed !== -1) {
		return { problem: `Webhook Signing Secret ${malformed + 1} of the Big Digital Downloads credential does not start with whsec_` };
	}
	const repeated = secrets.findIndex((secret, index) => secrets.indexOf(secret) !== index);
	if (repeated !== -1) return { problem: `Webhook Signing Secret ${repeated + 1} of the Big Digital Downloads credential is listed twice` };
	if (secrets.length > MAX_SIGNING_SECRETS) {
		return { problem: `The Big Digital Downloads credential holds ${secrets.length} Webhook Signing Secrets; at most ${MAX_SIGNING_SECRETS} are accepted` };
	}
	return { secrets };
}
