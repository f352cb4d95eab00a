import type { AccountId, BlobId, MailStore } from '@colibri/mail-store';
import { parseSieve } from '@colibri/sieve';
import type { SieveScript } from '@colibri/sieve';
import type { Logger } from '../../logger.js';

/** Parsed scripts kept, by blob id: the text is content-addressed, so an entry never goes stale. */
const MAX_CACHED = 256;
const parsed = new Map<BlobId, SieveScript>();

/**
 * The account's active Sieve script, parsed (RFC 9661 §2: at most one is active), or null when
 * there is none. A script that cannot be read or parsed (JMAP refuses to store one, so this should
 * not happen) is logged and treated as no script: a broken filter never blocks delivery.
 */
export async function activeSieveScript(
  store: MailStore,
  accountId: AccountId,
  log: Logger,
): Promise<SieveScript | null> {
  try {
    const active = await store.getActiveSieveScript(accountId);
    if (active === null) return null;
    const cached = parsed.get(active.blobId);
    if (cached) return cached;
    const bytes = await store.readBlob(accountId, active.blobId);
    if (bytes === null) throw new Error(`script blob ${active.blobId} is missing`);
    const result = parseSieve(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (!result.ok) throw new Error(`script does not parse: ${JSON.stringify(result.errors.slice(0, 3))}`);
    // A Map keeps insertion order: the oldest entry goes first.
    if (parsed.size >= MAX_CACHED) parsed.delete(parsed.keys().next().value!);
    parsed.set(active.blobId, result.script);
    return result.script;
  } catch (error) {
    log.error('sieve script unusable, delivering without it', { accountId, error });
    return null;
  }
}
