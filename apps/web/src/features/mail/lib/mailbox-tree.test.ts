import { describe, expect, it } from 'vitest';
import type { MailboxRole } from '@colibri/jmap-types';
import { flattenMailboxTree } from './mailbox-tree';

const mailbox = (
  id: string,
  name: string,
  role: MailboxRole | null = null,
  parentId: string | null = null,
  sortOrder = 0,
) => ({ id, name, role, parentId, sortOrder });

describe('flattenMailboxTree', () => {
  it('puts role mailboxes first in the usual order, then folders by name, children under parents', () => {
    const rows = flattenMailboxTree([
      mailbox('r', 'Receipts'),
      mailbox('t', 'Trash', 'trash'),
      mailbox('pc', 'Colibri', null, 'p'),
      mailbox('s', 'Sent', 'sent'),
      mailbox('p', 'Projects'),
      mailbox('j', 'Junk', 'junk'),
      mailbox('i', 'Inbox', 'inbox'),
      mailbox('a', 'Archive', 'archive'),
      mailbox('d', 'Drafts', 'drafts'),
      mailbox('pa', 'Alpha', null, 'p'),
    ]);
    expect(rows.map((r) => `${'  '.repeat(r.depth)}${r.mailbox.name}`)).toEqual([
      'Inbox',
      'Drafts',
      'Sent',
      'Archive',
      'Junk',
      'Trash',
      'Projects',
      '  Alpha',
      '  Colibri',
      'Receipts',
    ]);
  });

  it('honours sortOrder before the name (RFC 8621 §2)', () => {
    const rows = flattenMailboxTree([mailbox('a', 'A', null, null, 5), mailbox('b', 'B', null, null, 1)]);
    expect(rows.map((r) => r.mailbox.name)).toEqual(['B', 'A']);
  });

  it('shows orphans at the top level and survives a parent cycle', () => {
    const rows = flattenMailboxTree([
      mailbox('o', 'Orphan', null, 'missing'),
      mailbox('x', 'X', null, 'y'),
      mailbox('y', 'Y', null, 'x'),
    ]);
    expect(rows.map((r) => r.mailbox.name)).toEqual(['Orphan']);
  });
});
