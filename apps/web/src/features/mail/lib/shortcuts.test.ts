import { describe, expect, it } from 'vitest';
import { MAIL_SHORTCUTS, SEQUENCE_TIMEOUT_MS, createShortcutMatcher, describeKeys } from './shortcuts';

const press = (
  key: string,
  extra: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {},
) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...extra,
});

describe('shortcut matcher', () => {
  it('maps the Gmail keys to commands', () => {
    const match = createShortcutMatcher();
    expect(
      ['j', 'k', 'o', 'Enter', 'u', 'e', '#', 's', 'I', 'U', 'b', 'x', '?'].map((k) => match(press(k), 0)),
    ).toEqual([
      'next',
      'previous',
      'open',
      'open',
      'backToList',
      'archive',
      'delete',
      'flag',
      'markRead',
      'markUnread',
      'snooze',
      'toggleSelect',
      'showHelp',
    ]);
  });

  it('reads "g then i/s/d" as one shortcut, within the timeout', () => {
    const match = createShortcutMatcher();
    expect(match(press('g'), 0)).toBeNull();
    expect(match(press('i'), 100)).toBe('goInbox');
    expect(match(press('g'), 200)).toBeNull();
    expect(match(press('d'), 300)).toBe('goDrafts');
    expect(match(press('g'), 1000)).toBeNull();
    // Too late: "s" alone is the flag shortcut.
    expect(match(press('s'), 1000 + SEQUENCE_TIMEOUT_MS + 1)).toBe('flag');
  });

  it('starts over when the second key does not continue a sequence', () => {
    const match = createShortcutMatcher();
    expect(match(press('g'), 0)).toBeNull();
    expect(match(press('j'), 10)).toBe('next');
    expect(match(press('g'), 20)).toBeNull();
    expect(match(press('g'), 30)).toBeNull();
    expect(match(press('s'), 40)).toBe('goSent');
  });

  it('leaves keys with ctrl, cmd or alt to the browser', () => {
    const match = createShortcutMatcher();
    expect(match(press('e', { ctrlKey: true }), 0)).toBeNull();
    expect(match(press('k', { metaKey: true }), 0)).toBeNull();
    expect(match(press('j', { altKey: true }), 0)).toBeNull();
  });

  it('every shortcut is reachable and none is a prefix of a single-key one', () => {
    const singles = new Set(MAIL_SHORTCUTS.filter((s) => s.keys.length === 1).map((s) => s.keys[0]));
    for (const s of MAIL_SHORTCUTS.filter((s) => s.keys.length > 1))
      expect(singles.has(s.keys[0])).toBe(false);
    expect(describeKeys(['g', 'i'])).toBe('g then i');
    expect(describeKeys(['I'])).toBe('Shift+I');
  });
});
