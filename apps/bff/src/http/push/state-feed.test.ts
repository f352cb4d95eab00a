import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountId, StateChange } from '@colibri/mail-store';
import {
  ConnectionLimiter,
  PUSH_COALESCE_MS,
  countingFeed,
  sharedPushTypes,
  subscribePush,
} from './state-feed.js';

function fakeStore() {
  const listeners = new Set<(change: StateChange) => void>();
  return {
    listeners,
    subscribeStateChanges(listener: (change: StateChange) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(accountId: string, changed: StateChange['changed']) {
      for (const listener of listeners) listener({ accountId: accountId as AccountId, changed });
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('subscribePush', () => {
  const interest = { accountIds: new Set(['A1']), types: new Set(['Email', 'Mailbox']) };

  it('pushes only mail types of an account shared with the principal (RFC 9670), all of their own', () => {
    const store = fakeStore();
    const pushed: unknown[] = [];
    subscribePush(
      store,
      () => ({ accountIds: new Set(['A1', 'A2']), types: null, ownAccountId: 'A1' }),
      (changed) => pushed.push(changed),
    );
    store.emit('A2', { EmailSubmission: 's1', Identity: 'i1' });
    vi.advanceTimersByTime(PUSH_COALESCE_MS);
    expect(pushed).toEqual([]);
    store.emit('A2', { Email: 'e1', EmailSubmission: 's2' });
    store.emit('A1', { EmailSubmission: 's3' });
    vi.advanceTimersByTime(PUSH_COALESCE_MS);
    expect(pushed).toEqual([{ A2: { Email: 'e1' } }, { A1: { EmailSubmission: 's3' } }]);
  });

  it('pushes of a shared account only the types of what is shared there (calendars, books, mail)', () => {
    const store = fakeStore();
    const pushed: unknown[] = [];
    const sharedTypes = new Map([
      ['A2', sharedPushTypes({ mail: false, calendars: true, contacts: false })],
      ['A3', sharedPushTypes({ mail: false, calendars: false, contacts: true })],
    ]);
    subscribePush(
      store,
      () => ({ accountIds: new Set(['A1', 'A2', 'A3']), types: null, ownAccountId: 'A1', sharedTypes }),
      (changed) => pushed.push(changed),
    );
    // Only a calendar of A2's is shared: that its mail changed is not the sharee's business.
    store.emit('A2', { Email: 'e1', Mailbox: 'm1' });
    vi.advanceTimersByTime(PUSH_COALESCE_MS);
    expect(pushed).toEqual([]);
    store.emit('A2', { CalendarEvent: 'v1', Email: 'e2' });
    vi.advanceTimersByTime(PUSH_COALESCE_MS);
    store.emit('A3', { ContactCard: 'k1', CalendarEvent: 'v9' });
    vi.advanceTimersByTime(PUSH_COALESCE_MS);
    expect(pushed).toEqual([{ A2: { CalendarEvent: 'v1' } }, { A3: { ContactCard: 'k1' } }]);
  });

  it(`pushes a first change at once, then merges a burst into one push per ${PUSH_COALESCE_MS} ms`, () => {
    const store = fakeStore();
    const pushed: unknown[] = [];
    subscribePush(
      store,
      () => interest,
      (changed) => pushed.push(changed),
    );
    store.emit('A1', { Email: '1' });
    expect(pushed).toEqual([{ A1: { Email: '1' } }]);
    store.emit('A1', { Email: '2', Thread: '7' });
    store.emit('A1', { Mailbox: '3' });
    expect(pushed).toHaveLength(1);
    vi.advanceTimersByTime(PUSH_COALESCE_MS);
    expect(pushed).toEqual([{ A1: { Email: '1' } }, { A1: { Email: '2', Mailbox: '3' } }]);
    // After a quiet window, at once again.
    vi.advanceTimersByTime(PUSH_COALESCE_MS);
    store.emit('A1', { Email: '4' });
    expect(pushed).toHaveLength(3);
  });

  it('ignores other accounts and uninteresting types; unsubscribing drops a pending push', () => {
    const store = fakeStore();
    const pushed: unknown[] = [];
    const stop = subscribePush(
      store,
      () => interest,
      (changed) => pushed.push(changed),
    );
    store.emit('A2', { Email: '1' });
    store.emit('A1', { Thread: '1' });
    vi.advanceTimersByTime(PUSH_COALESCE_MS);
    expect(pushed).toEqual([]);
    store.emit('A1', { Email: '5' });
    expect(pushed).toHaveLength(1);
    store.emit('A1', { Email: '6' });
    stop();
    vi.advanceTimersByTime(PUSH_COALESCE_MS);
    expect(pushed).toEqual([{ A1: { Email: '5' } }]);
    expect(store.listeners.size).toBe(0);
  });
});

describe('countingFeed and ConnectionLimiter', () => {
  it('counts live listeners; stopping twice counts once', () => {
    const feed = countingFeed(fakeStore());
    const stop = feed.subscribeStateChanges(() => undefined);
    expect(feed.listenerCount()).toBe(1);
    stop();
    stop();
    expect(feed.listenerCount()).toBe(0);
  });

  it('refuses beyond the maximum per key and frees a slot on release', () => {
    const limiter = new ConnectionLimiter(2);
    const a = limiter.acquire('u');
    const b = limiter.acquire('u');
    expect(limiter.acquire('u')).toBeNull();
    expect(limiter.acquire('v')).not.toBeNull();
    a?.();
    a?.();
    expect(limiter.count('u')).toBe(1);
    expect(limiter.acquire('u')).not.toBeNull();
    b?.();
  });
});
