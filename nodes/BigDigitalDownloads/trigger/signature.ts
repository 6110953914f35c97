import { createHmac, timingSafeEqual } from 'crypto';
import type { BigddEvent } from './events';
import { parseSigningSecrets } from './signingSecrets';

/** BigDD's replay window (the spec rejects timestamps more than 5 minutes away). */
export const DEFAULT_TOLERANCE_SECONDS = 300;
export const MIN_TOLERANCE_SECONDS = 30;
export const MAX_TOLERANCE_SECONDS = 900;

type Verdict = { ok: true; event: BigddEvent } | { ok: false; status: 400 | 401; message: string };

export const INVALID_SIGNATURE = 'Invalid signature';

const reject = (status: 400 | 401, message: string): Verdict => ({ ok: false, status, message });

function headerValue(value: unknown): string | undefined {
	const first = Array.isArray(value) ? value[0] : value;
	return typeof first === 'string' ? first.trim() : undefined;
}

/** BigDD's hex signature; an optional "sha256=" prefix and uppercase hex are accepted. */
function parseSignature(header: unknown): Buffer | undefined {
	const value = headerValue(header)
		?.replace(/^sha256=/i, '')
		.toLowerCase();
	return value && /^[0-9a-f]{64}$/.test(value) ? Buffer.from(value, 'hex') : undefined;
}

/** hex HMAC-SHA256 of `${timestamp}.${rawBody}`, computed over the body's exact bytes. */
function signatureFor(secret: string, timestamp: string, rawBody: Buffer): string {
	return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/**
 * Checks one webhook request the way BigDD documents, before anything else happens:
 * headers present and well formed (else 401), timestamp within the window (else 400), HMAC over the
 * raw bytes compared in constant time with each of the credential's signing secrets, one BigDD
 * endpoint each (else 401, also when the secrets are missing or not valid), then a JSON event with a
 * string id and type (else 400). Messages name the check, never a secret.
 */
export function verifyWebhookRequest(input: {
	/** The credential's Webhook Signing Secrets field as saved (see parseSigningSecrets). */
	secret: unknown;
	signature: unknown;
	timestamp: unknown;
	rawBody: unknown;
	nowMs: number;
	toleranceSeconds: number;
}): Verdict {
	const signature = parseSignature(input.signature);
	if (headerValue(input.signature) === undefined)
		return reject(401, 'Missing X-Webhook-Signature header');
	if (!signature) return reject(401, 'Malformed X-Webhook-Signature header');
	const timestamp = headerValue(input.timestamp);
	if (timestamp === undefined) return reject(401, 'Missing X-Webhook-Timestamp header');
	if (!/^\d{1,12}$/.test(timestamp)) return reject(401, 'Malformed X-Webhook-Timestamp header');
	if (Math.abs(input.nowMs / 1000 - Number(timestamp)) > input.toleranceSeconds) {
		return reject(400, 'Timestamp outside the accepted window');
	}
	const parsed = parseSigningSecrets(input.secret);
	const rawBody = input.rawBody;
	if ('problem' in parsed || !Buffer.isBuffer(rawBody)) return reject(401, INVALID_SIGNATURE);
	// Every secret is compared (no early exit), so the time taken does not tell which one matched.
	const matches = parsed.secrets.map((secret) =>
		timingSafeEqual(Buffer.from(signatureFor(secret, timestamp, rawBody), 'hex'), signature),
	);
	if (!matches.includes(true)) return reject(401, INVALID_SIGNATURE);

	let event: unknown;
	try {
		event = JSON.parse(rawBody.toString('utf8'));
	} catch {
		return reject(400, 'Body is not JSON');
	}
	const { id, type } = (event ?? {}) as { id?: unknown; type?: unknown };
	if (
		typeof event !== 'object' ||
		Array.isArray(event) ||
		typeof id !== 'string' ||
		id === '' ||
		typeof type !== 'string'
	) {
		return reject(400, 'Body is not a BigDD event (id and type are required)');
	}
	return { ok: true, event: event as BigddEvent };
}
