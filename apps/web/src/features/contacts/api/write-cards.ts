import type { JmapClient } from '@colibri/jmap-client';
import type { ContactCard, Id } from '@colibri/jmap-types';
import { throwIfRefused } from './set-error';

/** A card to create: JSContact members (RFC 9553) and the books it goes in (RFC 9610 §3). */
export type NewCard = Record<string, unknown> & { '@type': 'Card' };

/** RFC 9610 §3.2 ContactCard/set create; resolves to the new card's id. */
export async function createCard(client: JmapClient, accountId: Id, card: NewCard): Promise<Id> {
  const result = await client.call('ContactCard/set', {
    accountId,
    create: { new: card as unknown as ContactCard },
  });
  throwIfRefused(result.notCreated, 'new');
  const id = result.created?.new?.id;
  if (!id) throw new Error('The server created the card without saying its id.');
  return id;
}

/** RFC 9610 §3.2 ContactCard/set update with a PatchObject (RFC 8620 §5.3). */
export async function updateCard(
  client: JmapClient,
  accountId: Id,
  id: Id,
  patch: Record<string, unknown>,
): Promise<void> {
  const result = await client.call('ContactCard/set', { accountId, update: { [id]: patch } });
  throwIfRefused(result.notUpdated, id);
}

/** RFC 9610 §3.2 ContactCard/set destroy. */
export async function destroyCard(client: JmapClient, accountId: Id, id: Id): Promise<void> {
  const result = await client.call('ContactCard/set', { accountId, destroy: [id] });
  throwIfRefused(result.notDestroyed, id);
}

/**
 * The card as it can be created again (Undo of a delete): the same JSContact card with its uid,
 * so that groups listing it find it again (RFC 9553 §2.1.6); `id` is the server's to give.
 */
export function recreatable(card: ContactCard): NewCard {
  const { id: _id, ...rest } = card;
  return rest as NewCard;
}

/** Adds or removes a member of a group: a patch of one `members` key (RFC 9553 §2.1.6). */
export async function setGroupMember(
  client: JmapClient,
  accountId: Id,
  groupId: Id,
  memberUid: string,
  isMember: boolean,
): Promise<void> {
  // A JSON Pointer token escapes "~" and "/" (RFC 6901 §3); uids are often URNs or URLs.
  const token = memberUid.replace(/~/g, '~0').replace(/\//g, '~1');
  await updateCard(client, accountId, groupId, { [`members/${token}`]: isMember ? true : null });
}

/**
 * A merge in one ContactCard/set (RFC 9610 §3.2): the kept card and the groups patched, the
 * other card destroyed. Undo is the same call the other way: patches back, the card created again.
 */
export async function applyMerge(
  client: JmapClient,
  accountId: Id,
  write: { update: Record<Id, Record<string, unknown>>; destroy?: Id[]; create?: NewCard },
): Promise<Id | null> {
  const result = await client.call('ContactCard/set', {
    accountId,
    update: write.update,
    ...(write.destroy ? { destroy: write.destroy } : {}),
    ...(write.create ? { create: { again: write.create as unknown as ContactCard } } : {}),
  });
  for (const id of Object.keys(write.update)) throwIfRefused(result.notUpdated, id);
  for (const id of write.destroy ?? []) throwIfRefused(result.notDestroyed, id);
  if (write.create) throwIfRefused(result.notCreated, 'again');
  return result.created?.again?.id ?? null;
}
