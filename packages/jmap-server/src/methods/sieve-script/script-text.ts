import type { SetError } from '@colibri/jmap-types';
import type { AccountId } from '@colibri/mail-store';
import { SIEVE_LIMITS, parseSieve } from '@colibri/sieve';
import type { SieveError } from '@colibri/sieve';
import type { MethodContext } from '../../method-context.js';
import { toBlobId } from '../shared/ids.js';

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
 * (RFC 9661 §2.4, §2.6): a blob the account may read (else blobNotFound), at most maxSizeScript
 * octets (tooLarge), UTF-8 (RFC 5228 §2.1) and a script the interpreter accepts with the
 * extensions we advertise (invalidSieve, naming line and column). Null when the script is good.
 */
export async function checkScriptBlob(
  ctx: MethodContext,
  accountId: AccountId,
  blobId: string,
): Promise<SetError | null> {
  const id = toBlobId(blobId);
  const bytes = id === null ? null : await ctx.store.readBlob(accountId, id);
  if (bytes === null) return { type: 'blobNotFound', notFound: [blobId] };
  if (bytes.byteLength > SIEVE_LIMITS.maxScriptBytes)
    return { type: 'tooLarge', description: `A script is limited to ${SIEVE_LIMITS.maxScriptBytes} octets.` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { type: 'invalidSieve', description: 'The script is not valid UTF-8 (RFC 5228 §2.1).' };
  }
  const parsed = parseSieve(text);
  return parsed.ok ? null : { type: 'invalidSieve', description: describeSieveErrors(parsed.errors) };
}
