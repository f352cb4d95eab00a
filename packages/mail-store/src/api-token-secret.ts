import { createHash, randomBytes } from 'node:crypto';

/** Tokens carry a prefix so that a leaked one is recognisable (secret scanners, logs). */
export const API_TOKEN_PREFIX = 'colibri_';

/**
 * A new API token: `colibri_` + 32 random bytes (base64url), and the digest the store keeps.
 * Shared by the BFF and the CLI so both mint the same kind; the secret is shown once, never stored.
 */
export function mintApiToken(): { token: string; digest: string } {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, digest: apiTokenDigest(token) };
}

/** The sha256 (hex) of a token, what `api_tokens.digest` holds. */
export function apiTokenDigest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
