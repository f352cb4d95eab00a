import type { Id } from '@colibri/jmap-types';

/** Mailbox roles whose messages a conversation hides, unless it was opened from one of them. */
const BIN_ROLES = new Set(['trash', 'junk']);

/** The ids of the Trash and Junk mailboxes (RFC 8621 §2 roles). */
export function binMailboxIds(mailboxes: readonly { id: Id; role: string | null }[]): Set<Id> {
  return new Set(mailboxes.filter((m) => m.role !== null && BIN_ROLES.has(m.role)).map((m) => m.id));
}

const inBinOnly = (mailboxIds: Record<Id, true>, bins: ReadonlySet<Id>) => {
  const ids = Object.keys(mailboxIds);
  return ids.length > 0 && ids.every((id) => bins.has(id));
};

/**
 * The messages a conversation shows: those deleted or marked as junk are left out (as in Gmail),
 * unless the conversation was opened from the Trash or Junk, where they are the point.
 */
export function visibleInConversation<T extends { id: Id; mailboxIds: Record<Id, true> }>(
  items: readonly T[],
  opened: { mailboxIds: Record<Id, true> },
  bins: ReadonlySet<Id>,
): { shown: T[]; hidden: number } {
  if (bins.size === 0 || inBinOnly(opened.mailboxIds, bins)) return { shown: [...items], hidden: 0 };
  const shown = items.filter((item) => !inBinOnly(item.mailboxIds, bins));
  return { shown, hidden: items.length - shown.length };
}
