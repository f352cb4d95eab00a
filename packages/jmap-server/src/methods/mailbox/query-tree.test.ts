import type { AccountId, Mailbox, MailboxId } from '@colibri/mail-store';
import { describe, expect, it } from 'vitest';
import { mailboxQueryResults, withDescendants } from './query-tree.js';

const offered = ['i;ascii-numeric', 'i;ascii-casemap', 'i;unicode-casemap'];
const box = (id: string, name: string, parentId: string | null = null, sortOrder = 0): Mailbox => ({
  id: id as MailboxId,
  accountId: 'A' as AccountId,
  name,
  parentId: parentId as MailboxId | null,
  role: null,
  sortOrder,
  isSubscribed: true,
});

describe('Mailbox query order and tree (RFC 8621 §2.3)', () => {
  const all = [
    box('M1', 'b'),
    box('M2', 'a', 'M1'),
    box('M3', 'c'),
    box('M4', 'É', 'M1'),
    box('M5', 'd', 'M2'),
  ];
  const names = (list: Mailbox[]) => list.map((m) => m.name);

  it('ties break on the id, so equal keys still have one order', () => {
    const twins = [box('M9', 'same'), box('M8', 'same')];
    expect(mailboxQueryResults(twins, { sort: [{ property: 'name' }] }, offered).map((m) => m.id)).toEqual([
      'M8',
      'M9',
    ]);
  });

  it('folds case and accents with i;unicode-casemap, not with i;ascii-casemap', () => {
    const sort = (collation: string) =>
      names(mailboxQueryResults(all, { sort: [{ property: 'name', collation }] }, offered));
    expect(sort('i;unicode-casemap')).toEqual(['a', 'b', 'c', 'd', 'É']);
    // NFKD splits É into E + accent: it sorts with the e's.
    expect(sort('i;unicode-casemap').indexOf('É')).toBeGreaterThan(sort('i;unicode-casemap').indexOf('d'));
    expect(sort('i;ascii-casemap')[4]).toBe('É');
  });

  it('orders numbers by value with i;ascii-numeric, names without digits last', () => {
    const numbered = [box('M1', '10 x'), box('M2', '9 y'), box('M3', 'none'), box('M4', '010')];
    expect(
      names(
        mailboxQueryResults(
          numbered,
          { sort: [{ property: 'name', collation: 'i;ascii-numeric' }] },
          offered,
        ),
      ),
    ).toEqual(['9 y', '10 x', '010', 'none']); // 10 = 010: the id decides
  });

  it('sorts as a tree: depth first, siblings by the comparators', () => {
    expect(
      names(mailboxQueryResults(all, { sortAsTree: true, sort: [{ property: 'name' }] }, offered)),
    ).toEqual(['b', 'a', 'd', 'É', 'c']);
  });

  it('counts a mailbox as changed when an ancestor changed', () => {
    expect([...withDescendants(all, new Set(['M2']))].sort()).toEqual(['M2', 'M5']);
    expect([...withDescendants(all, new Set(['M1']))].sort()).toEqual(['M1', 'M2', 'M4', 'M5']);
  });
});
