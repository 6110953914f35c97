/**
 * How long a signing secret read from the credential is reused. Reading a credential in webhook()
 * costs n8n about 100 ms per request (it decrypts it and resolves it through an expression
 * isolate); the check itself takes microseconds. After the secret is changed in the credential,
 * the new one works at once (a mismatch re-reads the credential) and the old one at most this long.
 */
export const SIGNING_SECRET_REUSE_MS = 60_000;

const secrets = new Map<string, { secret: unknown; readAtMs: number }>();

/** Whether a read gave a secret to remember: a non-empty text, or fields of which one is. */
const holdsASecret = (secret: unknown): boolean =>
	Array.isArray(secret)
		? secret.some(holdsASecret)
		: typeof secret === 'string' && secret.trim() !== '';

/**
 * Verifies with the secret read for `key` less than SIGNING_SECRET_REUSE_MS ago, else (or when that
 * secret does not match) with a fresh read. Without a key (no credential id) it always reads.
 */
export async function verifyWithSigningSecret<V>(options: {
	key: string | undefined;
	nowMs: number;
	readSecret: () => Promise<unknown>;
	verify: (secret: unknown) => V;
	signatureMismatch: (verdict: V) => boolean;
}): Promise<V> {
	const { key, nowMs, readSecret, verify } = options;
	const cached = key === undefined ? undefined : secrets.get(key);
	if (cached && nowMs - cached.readAtMs < SIGNING_SECRET_REUSE_MS) {
		const verdict = verify(cached.secret);
		if (!options.signatureMismatch(verdict)) return verdict;
	}
	const secret = await readSecret();
	if (key !== undefined) {
		if (holdsASecret(secret)) secrets.set(key, { secret, readAtMs: nowMs });
		else secrets.delete(key);
	}
	return verify(secret);
}
