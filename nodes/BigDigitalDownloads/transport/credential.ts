import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import {
	CREDENTIAL_TYPE,
	SIGNING_SECRET_FIELDS,
} from '../../../credentials/BigDigitalDownloadsApi.credentials';
import type { RequestContext } from './types';

const decryptedCredentials = new WeakMap<RequestContext, Promise<ICredentialsDecrypted>>();

/**
 * The credential, read once per context (a node run, or one item of a declarative operation) instead
 * of by n8n for every page, batch, retry and error, each a database read and a decryption (n8n's
 * routing reads it for every request it sends itself: docs/n8n-routing-cost-per-item.md).
 */
export async function credentialOf(context: RequestContext): Promise<ICredentialsDecrypted> {
	let credential = decryptedCredentials.get(context);
	if (!credential) {
		credential = context
			.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE)
			.then((data) => ({ id: '', name: CREDENTIAL_TYPE, type: CREDENTIAL_TYPE, data }));
		decryptedCredentials.set(context, credential);
	}
	return await credential;
}

/** Reads the credential again at the next request: a polling trigger's context lasts as long as its activation. */
export function forgetCredential(context: RequestContext): void {
	decryptedCredentials.delete(context);
}

const REDACTED = '[redacted]';

/** `value` with every occurrence of the given secrets (4 characters or more) replaced, at any depth. */
export function redactSecrets<T>(value: T, secrets: unknown[]): T {
	const words = secrets.filter(
		(secret): secret is string => typeof secret === 'string' && secret.length >= 4,
	);
	if (words.length === 0 || value === undefined) return value;
	let text = JSON.stringify(value);
	for (const word of words) text = text.split(JSON.stringify(word).slice(1, -1)).join(REDACTED);
	return JSON.parse(text) as T;
}

/**
 * An answer with the credential's secrets taken out: an error body that quotes the token (or the
 * signing secret) must not end up in the node's error or n8n's stored execution.
 */
export async function withoutSecrets(
	context: RequestContext,
	response: IN8nHttpFullResponse,
): Promise<IN8nHttpFullResponse> {
	const data = (await credentialOf(context)).data ?? {};
	// A signing secret field may hold several secrets, separated by commas or spaces.
	const signingSecrets = SIGNING_SECRET_FIELDS.flatMap((name) =>
		String(data[name] ?? '').split(/[\s,]+/),
	);
	return { ...response, body: redactSecrets(response.body, [data.apiToken, ...signingSecrets]) };
}
