import type { Id, MailboxRole } from '@colibri/jmap-types';

/** The fields the tree needs; any mailbox-like object with them will do. */
export interface TreeMailbox {
  id: Id;
  name: string;
  parentId: Id | null;
  role: MailboxRole | null;
  sortOrder: number;
}

export interface MailboxTreeRow<M extends TreeMailbox> {
  mailbox: M;
  depth: number;
}

// The usual webmail order of the special-use folders (Snoozed under the Inbox, as in Gmail);
// other roles follow, then folders without a role.
const ROLE_ORDER: readonly MailboxRole[] = ['inbox', 'snoozed', 'drafts', 'sent', 'archive', 'junk', 'trash'];

function roleRank(role: MailboxRole | null): number {
  if (role === null) return ROLE_ORDER.length + 1;
  const index = ROLE_ORDER.indexOf(role);
  return index === -1 ? ROLE_ORDER.length : index;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Siblings: by role, then sortOrder (RFC 8621 §2 asks clients to honour it), then name. */
export function compareMailboxes(a: TreeMailbox, b: TreeMailbox): number {
  return roleRank(a.role) - roleRank(b.role) || a.sortOrder - b.sortOrder || collator.compare(a.name, b.name);
}

/**
 * The mailboxes in display order, each with its depth: a depth-first walk from the top-level
 * mailboxes. A mailbox whose parent is missing is shown at the top level rather than lost, and
 * a parentId cycle (a server bug) cannot loop.
 */
export function flattenMailboxTree<M extends TreeMailbox>(mailboxes: readonly M[]): MailboxTreeRow<M>[] {
  const ids = new Set(mailboxes.map((m) => m.id));
  const children = new Map<Id | null, M[]>();
  for (const mailbox of mailboxes) {
    const parent = mailbox.parentId !== null && ids.has(mailbox.parentId) ? mailbox.parentId : null;
    const siblings = children.get(parent) ?? [];
    siblings.push(mailbox);
    children.set(parent, siblings);
  }
  const rows: MailboxTreeRow<M>[] = [];
  const visited = new Set<Id>();
  const walk = (parent: Id | null, depth: number) => {
    for (const mailbox of [...(children.get(parent) ?? [])].sort(compareMailboxes)) {
      if (visited.has(mailbox.id)) continue;
      visited.add(mailbox.id);
      rows.push({ mailbox, depth });
      walk(mailbox.id, depth + 1);
    }
  };
  walk(null, 0);
  return rows;
}
