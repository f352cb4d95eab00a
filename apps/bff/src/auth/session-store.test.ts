import { describe, expect, it } from 'vitest';
import type { AccountId } from '@colibri/mail-store';
import { SESSION_IDLE_TIMEOUT_MS, SESSION_MAX_AGE_MS, SessionStore } from './session-store.js';

const principal = { accountId: 'Aaaaaaaaaaaaaaaaa' as AccountId, username: 'alice@colibri.test' };

function clock() {
  let now = 1_700_000_000_000;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe('SessionStore', () => {
  it('finds a session by its token, with a CSRF token of its own', () => {
    const store = new SessionStore();
    const { token, session } = store.create(principal);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.csrfToken).not.toBe(token);
    expect(store.find(token)).toMatchObject({ ...principal, csrfToken: session.csrfToken });
    // Another last character (a token that ends in A gets B): 1 run in 64 used to pass the same token.
    expect(store.find(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    store.destroy(token);
    expect(store.find(token)).toBeNull();
    store.close();
  });

  it('expires after seven idle days; use keeps it alive up to the maximum age', () => {
    const time = clock();
    const store = new SessionStore({ now: time.now });
    const idle = store.create(principal);
    const busy = store.create(principal);
    time.advance(SESSION_IDLE_TIMEOUT_MS - 1000);
    expect(store.find(busy.token)).not.toBeNull();
    time.advance(2000);
    expect(store.find(idle.token)).toBeNull();
    expect(store.find(busy.token)).not.toBeNull();
    for (let t = 0; t < SESSION_MAX_AGE_MS; t += SESSION_IDLE_TIMEOUT_MS / 2) {
      time.advance(SESSION_IDLE_TIMEOUT_MS / 2);
      store.find(busy.token);
    }
    expect(store.find(busy.token)).toBeNull();
    store.close();
  });
});
