import { Capability } from '@colibri/jmap-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJmapEngine } from '../src/index.js';
import { sessionStateFor } from '../src/session.js';
import { openFixture } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';
import { shareRights } from './support/sharing.js';

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(() => f.close());

describe('Session (RFC 8620 §2)', () => {
  it('announces core with its limits, mail, the account and its capabilities', async () => {
    const session = await f.engine.getSession(f.alice, 'http://localhost:8080');
    expect(session.capabilities[Capability.Core]).toEqual({
      maxSizeUpload: 50 * 1024 * 1024,
      maxConcurrentUpload: 4,
      maxSizeRequest: 10 * 1024 * 1024,
      maxConcurrentRequests: 8,
      maxCallsInRequest: 32,
      maxObjectsInGet: 500,
      maxObjectsInSet: 500,
      collationAlgorithms: ['i;ascii-numeric', 'i;ascii-casemap', 'i;unicode-casemap'],
    });
    // RFC 8621 §1.3.1: an empty object in the Session capabilities.
    expect(session.capabilities[Capability.Mail]).toEqual({});
    expect(Object.keys(session.accounts)).toEqual([f.alice.accountId]);
    const account = session.accounts[f.alice.accountId];
    expect(account).toMatchObject({ name: 'alice@colibri.test', isPersonal: true, isReadOnly: false });
    expect(account?.accountCapabilities[Capability.Mail]).toMatchObject({
      maxMailboxesPerEmail: null,
      emailQuerySortOptions: [
        'receivedAt',
        'sentAt',
        'size',
        'from',
        'to',
        'subject',
        'hasKeyword',
        'allInThreadHaveKeyword',
        'someInThreadHaveKeyword',
      ],
      mayCreateTopLevelMailbox: true,
    });
    expect(session.primaryAccounts).toEqual({
      [Capability.Mail]: f.alice.accountId,
      [Capability.VacationResponse]: f.alice.accountId,
      [Capability.Quota]: f.alice.accountId,
      [Capability.Blob]: f.alice.accountId,
      [Capability.Submission]: f.alice.accountId,
      [Capability.Mdn]: f.alice.accountId,
      [Capability.Sieve]: f.alice.accountId,
      [Capability.Contacts]: f.alice.accountId,
      [Capability.Principals]: f.alice.accountId,
      [Capability.Snooze]: f.alice.accountId,
      [Capability.Calendars]: f.alice.accountId,
      [Capability.CalendarProposals]: f.alice.accountId,
    });
    // Colibri's counter-proposals extension (CalendarEventProposal): announced, no limits of its own.
    expect(session.capabilities[Capability.CalendarProposals]).toEqual({});
    // JMAP Calendars §1.4: an empty object in the Session, the limits in the account.
    expect(session.capabilities[Capability.Calendars]).toEqual({});
    expect(account?.accountCapabilities[Capability.Calendars]).toMatchObject({
      maxExpandedQueryDuration: 'P366D',
      mayCreateCalendar: true,
    });
    // Colibri's snooze extension: its limit is per account (CONTEXT.md).
    expect(account?.accountCapabilities[Capability.Snooze]).toEqual({ maxSnoozeSeconds: 366 * 24 * 3600 });
    expect(session.username).toBe('alice@colibri.test');
  });

  it('lists an account shared with the user only while they subscribe to it (RFC 9670 §1.4)', async () => {
    const before = await f.engine.getSession(f.bob, 'http://localhost:8080');
    expect(Object.keys(before.accounts)).toEqual([f.bob.accountId]);
    await f.store.setMailboxShares(
      f.alice.accountId,
      f.inbox.id,
      new Map([[f.bob.accountId, shareRights('mayReadItems', 'mayAddItems')]]),
    );
    const shared = await f.engine.getSession(f.bob, 'http://localhost:8080');
    expect(shared.state).not.toBe(before.state);
    expect(shared.accounts[f.alice.accountId]).toMatchObject({
      name: 'alice@colibri.test',
      isPersonal: false,
      isReadOnly: false,
      accountCapabilities: {
        [Capability.PrincipalsOwner]: {
          accountIdForPrincipal: f.bob.accountId,
          principalId: f.alice.accountId,
        },
      },
    });
    // Mail, blobs and snooze only: submission, vacation, Sieve and quotas stay the owner's.
    expect(Object.keys(shared.accounts[f.alice.accountId]!.accountCapabilities).sort()).toEqual(
      [Capability.Blob, Capability.Mail, Capability.PrincipalsOwner, Capability.Snooze].sort(),
    );
    await f.store.setShareSubscribed(f.alice.accountId, f.inbox.id, f.bob.accountId, false);
    const unsubscribed = await f.engine.getSession(f.bob, 'http://localhost:8080');
    expect(Object.keys(unsubscribed.accounts)).toEqual([f.bob.accountId]);
    await f.store.setMailboxShares(f.alice.accountId, f.inbox.id, new Map());
  });

  it('gives absolute URLs on the base URL, a trailing slash ignored', async () => {
    const session = await f.engine.getSession(f.alice, 'https://mail.example.org/');
    expect(session.apiUrl).toBe('https://mail.example.org/jmap/api');
    expect(session.downloadUrl).toBe(
      'https://mail.example.org/jmap/download/{accountId}/{blobId}/{name}?accept={type}',
    );
    expect(session.uploadUrl).toBe('https://mail.example.org/jmap/upload/{accountId}/');
    expect(session.eventSourceUrl).toBe(
      'https://mail.example.org/jmap/eventsource?types={types}&closeafter={closeafter}&ping={ping}',
    );
  });

  it('has a state that is stable for the same accounts, differs for others, and matches sessionState', async () => {
    const a1 = await f.engine.getSession(f.alice, 'http://localhost:8080');
    const a2 = await f.engine.getSession(f.alice, 'http://localhost:8080');
    const b = await f.engine.getSession(f.bob, 'http://localhost:8080');
    expect(a1.state).toBe(a2.state);
    expect(b.state).not.toBe(a1.state);
    expect(sessionStateFor(['x', 'y'])).toBe(sessionStateFor(['y', 'x']));
    expect(sessionStateFor(['x', 'y'])).not.toBe(sessionStateFor(['x']));
    const response = await f.call([['Core/echo', {}, '0']]);
    expect(response.sessionState).toBe(a1.state);
  });

  it('announces overridden limits', async () => {
    const engine = createJmapEngine({ store: f.store, limits: { maxCallsInRequest: 4 } });
    const session = await engine.getSession(f.alice, 'http://localhost:8080');
    expect(session.capabilities[Capability.Core].maxCallsInRequest).toBe(4);
    expect(session.capabilities[Capability.Core].maxObjectsInGet).toBe(500);
  });
});
