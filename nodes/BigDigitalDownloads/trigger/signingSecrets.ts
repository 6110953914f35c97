import {
	SIGNING_SECRET_FIELDS,
	signingSecretLabel,
} from '../../../credentials/BigDigitalDownloadsApi.credentials';

/** The most signing secrets one credential holds in all (its fields may each hold more than one). */
export const MAX_SIGNING_SECRETS = 20;

/** What BigDD's secrets look like: `whsec_` and printable characters (a secret never holds a space or comma). */
const SECRET_PATTERN = /^whsec_[\x21-\x2b\x2d-\x7e]+$/;

const CREDENTIAL = 'of the Big Digital Downloads credential';

/** The values of the credential's signing secret fields, in their order. */
export function signingSecretFields(credential: Record<string, unknown>): unknown[] {
	return SIGNING_SECRET_FIELDS.map((name) => credential[name]);
}

/**
 * The signing secrets of the credential's fields (`fields`, in order; a plain text is one field): one
 * `whsec_…` per field, or several separated by commas, spaces or new lines. Anything else is a problem
 * to show, naming the field, never the secret: no secret, one that is not BigDD's, one listed twice,
 * more than MAX_SIGNING_SECRETS.
 */
export function parseSigningSecrets(fields: unknown): { secrets: string[] } | { problem: string } {
	const secrets: string[] = [];
	for (const [index, value] of (Array.isArray(fields) ? fields : [fields]).entries()) {
		const label = signingSecretLabel(index);
		for (const secret of typeof value === 'string'
			? value.split(/[\s,]+/).filter((part) => part !== '')
			: []) {
			if (!SECRET_PATTERN.test(secret))
				return { problem: `${label} ${CREDENTIAL} does not start with whsec_` };
			if (secrets.includes(secret))
				return { problem: `${label} ${CREDENTIAL} repeats a secret already in the credential` };
			secrets.push(secret);
		}
	}
	if (secrets.length === 0)
		return { problem: 'The Big Digital Downloads credential has no Webhook Signing Secret' };
	if (secrets.length > MAX_SIGNING_SECRETS)
		return {
			problem: `The Big Digital Downloads credential holds ${secrets.length} Webhook Signing Secrets; at most ${MAX_SIGNING_SECRETS} are accepted`,
		};
	return { secrets };
}
