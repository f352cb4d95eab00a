import { describe, expect, it } from 'vitest';
import { mergeWindow, missingWindows, withEmailsUpdated, withoutEmails } from './email-window';
import type { EmailListItem, EmailWindow } from './email-window';

const email = (id: string, keywords: Record<string, true> = {}): EmailListItem => ({
  id,
  threadId: `t-${id}`,
  mailboxIds: { inbox: true },
  from: null,
  subject: id,
  preview: '',
  receivedAt: '2026-01-01T00:00:00Z',
  keywords,
  hasAttachment: false,
});

function window(position: number, ids: string[], total: number, queryState = 'q1'): EmailWindow {
  return { position, ids, emails: ids.map((id) => email(id)), total, queryState };
}

describe('email list windows', () => {
  it('holds a 100,000-row mailbox with only the fetched windows known', () => {
    let data = mergeWindow(undefined, window(0, ['a', 'b'], 100_000));
    data = mergeWindow(data, window(50_000, ['x', 'y'], 100_000));
    expect(data.total).toBe(100_000);
    expect(data.ids.size).toBe(4);
    expect(data.positions.get('y')).toBe(50_001);
    expect([0, 1, 2, 50_000, 50_001].map((i) => data.ids.get(i))).toEqual(['a', 'b', undefined, 'x', 'y']);
    expect(Object.keys(data.emails).sort()).toEqual(['a', 'b', 'x', 'y']);
  });

  it('starts over when the query state moved (positions are not comparable across states)', () => {
    const old = mergeWindow(undefined, window(0, ['a', 'b'], 10));
    const data = mergeWindow(old, window(5, ['n'], 11, 'q2'));
    expect(data.ids.get(0)).toBeUndefined();
    expect(data.ids.get(5)).toBe('n');
    expect(data.emails.a).toBeUndefined();
  });

  it('names the windows to fetch for the rows in view, aligned to the window size', () => {
    const data = mergeWindow(undefined, window(0, ['a', 'b', 'c', 'd'], 10));
    expect(missingWindows(data, 0, 3, 4)).toEqual([]);
    expect(missingWindows(data, 2, 9, 4)).toEqual([4, 8]);
    expect(missingWindows(undefined, 0, 3, 4)).toEqual([]);
  });

  it('removing rows moves the later ones up, known or not', () => {
    let data = mergeWindow(undefined, window(0, ['a', 'b', 'c'], 6));
    data = mergeWindow(data, window(4, ['e', 'f'], 6));
    const next = withoutEmails(data, new Set(['b']));
    expect(next.total).toBe(5);
    expect([...Array(5).keys()].map((i) => next.ids.get(i))).toEqual(['a', 'c', undefined, 'e', 'f']);
    expect(next.positions.get('f')).toBe(4);
    expect(next.positions.has('b')).toBe(false);
  });

  it('updates only the named rows, and returns the same object when none is known', () => {
    const data = mergeWindow(undefined, window(0, ['a', 'b'], 2));
    const next = withEmailsUpdated(data, new Set(['a']), (e) => ({ ...e, keywords: { $seen: true } }));
    expect(next.emails.a?.keywords).toEqual({ $seen: true });
    expect(next.emails.b).toBe(data.emails.b);
    expect(withEmailsUpdated(data, new Set(['zz']), (e) => e)).toBe(data);
  });
});
