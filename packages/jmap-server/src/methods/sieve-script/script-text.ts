import type { SetError } from '@colibri/jmap-types';
import type { AccountId, BlobId } from '@colibri/mail-store';
import { SIEVE_LIMITS, parseSieve } from '@colibri/sieve';
import type { SieveError } from '@colibri/sieve';
import type { MethodContext } from '../../method-context.js';
import { resolveBlobId } from '../blob/blob-id.js';

/** How many parse errors one description names (the first is what the user fixes first). */
const maxErrorsDescribed = 5;

/** RFC 9661 §2.4: `invalidSieve`'s description names where each problem is, for the user. */
export function describeSieveErrors(errors: readonly SieveError[]): string {
  const shown = errors
    .slice(0, maxErrorsDescribed)
    .map((e) => `line ${e.line}, column ${e.column}: ${e.message}`);
  const more = errors.length > maxErrorsDescribed ? ` (and ${errors.length - maxErrorsDescribed} more)` : '';
  return shown.join('; ') + more;
}

/**
 * The checks of a script's text that /set (create, and update of blobId) and /validate share
 * (RFC 9661 §2.4, §2.6): a blob the account may read, by id or as `#creationId` of a Blob/upload
 * earlier in the request (else blobNotFound), at most maxSizeScript octets (tooLarge), UTF-8
 * (RFC 5228 §2.1) and a script the interpreter accepts with the extensions we advertise
 * (invalidSieve, naming line and column). The blob's id when the script is good.
 */
export async function checkScriptBlob(
  ctx: MethodContext,
  accountId: AccountId,
  wireId: string,
): Promise<{ blobId: BlobId } | { error: SetError }> {
  const blobId = resolveBlobId(ctx, wireId);
  const bytes = blobId === null ? null : await ctx.store.readBlob(accountId, blobId);
  if (blobId === null || bytes === null) return { error: { type: 'blobNotFound', notFound: [wireId] } };
  if (bytes.byteLength > SIEVE_LIMITS.maxScriptBytes)
    return {
      error: {
        type: 'tooLarge',
        description: `A script is limited to ${SIEVE_LIMITS.maxScriptBytes} octets.`,
      },
    };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { error: { type: 'invalidSieve', description: 'The script is not valid UTF-8 (RFC 5228 §2.1).' } };
  }
  const parsed = parseSieve(text);
  return parsed.ok
    ? { blobId }
    : { error: { type: 'invalidSieve', description: describeSieveErrors(parsed.errors) } };
}
