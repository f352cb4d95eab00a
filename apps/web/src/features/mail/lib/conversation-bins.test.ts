import { describe, expect, it } from 'vitest';
import { binMailboxIds, visibleInConversation } from './conversation-bins';

const bins = binMailboxIds([
  { id: 'inbox', role: 'inbox' },
  { id: 'trash', role: 'trash' },
  { id: 'junk', role: 'junk' },
  { id: 'work', role: null },
]);
const item = (id: string, ...mailboxes: string[]) => ({
  id,
  mailboxIds: Object.fromEntries(mailboxes.map((m) => [m, true as const])),
});

describe('visibleInConversation', () => {
  const items = [item('a', 'inbox'), item('b', 'trash'), item('c', 'junk'), item('d', 'trash', 'work')];

  it('leaves out messages that are only in Trash or Junk', () => {
    const { shown, hidden } = visibleInConversation(items, item('a', 'inbox'), bins);
    expect(shown.map((m) => m.id)).toEqual(['a', 'd']);
    expect(hidden).toBe(2);
  });

  it('shows everything when opened from the Trash or Junk', () => {
    expect(visibleInConversation(items, item('b', 'trash'), bins).shown).toHaveLength(4);
    expect(visibleInConversation(items, item('c', 'junk'), bins).hidden).toBe(0);
  });

  it('shows everything while the mailboxes are unknown', () => {
    expect(visibleInConversation(items, item('a', 'inbox'), new Set()).shown).toHaveLength(4);
  });
});
