import { ADDRESS_BOOK_RIGHT_NAMES, CALENDAR_RIGHT_NAMES } from '@colibri/mail-store';
import type { AccountId, CollectionRights, MailStore, SharedCollectionKind } from '@colibri/mail-store';
import type { Principal } from './principal.js';

/**
 * What the principal may do with one account's calendars or address books (RFC 9670): everything
 * in their own account; in an account another user shared some with them, only what each share
 * says. The protocol layer enforces it; the store keeps the shares.
 */
export interface CollectionAccess<K extends SharedCollectionKind> {
  kind: K;
  accountId: AccountId;
  /** Null in the principal's own account; else their rights, by collection id. */
  shares: Map<string, CollectionRights<K>> | null;
}

const NAMES = { calendar: CALENDAR_RIGHT_NAMES, addressBook: ADDRESS_BOOK_RIGHT_NAMES } as const;

function rightsAll<K extends SharedCollectionKind>(kind: K, value: boolean): CollectionRights<K> {
  const names: readonly string[] = NAMES[kind];
  return Object.fromEntries(names.map((name) => [name, value])) as CollectionRights<K>;
}

/** The principal's access to the account's collections of `kind`, or null when none is theirs to see. */
export async function collectionAccessOf<K extends SharedCollectionKind>(
  store: Pick<MailStore, 'listCollectionSharesWith'>,
  principal: Principal,
  accountId: string,
  kind: K,
): Promise<CollectionAccess<K> | null> {
  if (accountId === principal.accountId) return { kind, accountId: principal.accountId, shares: null };
  const shares = (await store.listCollectionSharesWith(principal.accountId)).filter(
    (s) => s.accountId === accountId && s.kind === kind,
  );
  if (shares.length === 0) return null;
  return {
    kind,
    accountId: accountId as AccountId,
    shares: new Map(shares.map((s) => [s.collectionId, s.rights as CollectionRights<K>])),
  };
}

/** The principal's rights on one collection (every right for the owner, none when not shared). */
export function collectionRights<K extends SharedCollectionKind>(
  access: CollectionAccess<K>,
  collectionId: string,
): CollectionRights<K> {
  if (access.shares === null) return rightsAll(access.kind, true);
  return access.shares.get(collectionId) ?? rightsAll(access.kind, false);
}

/** Whether the principal sees the collection at all (it is theirs, or shared with them). */
export function seesCollection(
  access: CollectionAccess<SharedCollectionKind>,
  collectionId: string,
): boolean {
  return access.shares === null || access.shares.has(collectionId);
}
