import { Capability } from '@colibri/jmap-types';
import type { Id } from '@colibri/jmap-types';
import { openEventSource } from './support/event-source.js';
import { expect, test } from './support/fixtures.js';
import { allMail } from './support/jmap-raw.js';
import type { JmapAccount } from './support/jmap-raw.js';
import { importMessage, mailboxesByRole, rfc822, stateOf } from './support/mail.js';
import { createdId } from './support/set.js';
import type { SetResponse } from './support/set.js';

// Colibri's snooze extension (packages/jmap-server/CONTEXT.md): Email `snoozed` in Cyrus's shape
// ({ until }), under the capability urn:colibri:params:jmap:snooze. The BFF wakes snoozes itself.

const using = [...allMail, Capability.Snooze];
type Wire = Record<string, unknown>;

/** A UTCDate (RFC 8620 §1.4) `ms` from now, to the second. */
const fromNow = (ms: number) => new Date(Date.now() + ms).toISOString().replace(/\.\d+Z$/, 'Z');

const setSnoozed = (account: JmapAccount, id: Id, snoozed: Wire | null) =>
  account.ok<SetResponse>(
    'Email/set',
    { accountId: account.accountId, update: { [id]: { snoozed } } },
    using,
  );

async function getEmail(account: JmapAccount, id: Id): Promise<Wire> {
  const { list } = await account.ok<{ list: Wire[] }>(
    'Email/get',
    { accountId: account.accountId, ids: [id], properties: ['snoozed', 'mailboxIds', 'keywords'] },
    using,
  );
  return list[0] ?? {};
}

test.describe('Colibri snooze: Email snoozed', () => {
  test('Session: the capability is advertised, with maxSnoozeSeconds per account', async ({ account }) => {
    expect(account.session.capabilities).toHaveProperty([Capability.Snooze]);
    const capability = account.session.accounts[account.accountId]?.accountCapabilities[Capability.Snooze];
    expect(capability).toEqual({ maxSnoozeSeconds: expect.any(Number) });
  });

  test('RFC 8620 §5.1: snoozed is an unknown property unless the request uses the capability', async ({
    account,
  }) => {
    const { inbox } = await mailboxesByRole(account);
    const email = await importMessage(account, rfc822({ subject: 'No extension' }), [inbox!]);
    const [name, args] = await account.invoke(
      'Email/get',
      { accountId: account.accountId, ids: [email.id], properties: ['snoozed'] },
      allMail,
    );
    expect(name).toBe('error');
    expect(args).toMatchObject({ type: 'invalidArguments' });
    expect(await getEmail(account, email.id)).toMatchObject({ snoozed: null });
  });

  test('snooze moves the email to the Snoozed mailbox (role snoozed) with a logged change; null unsnoozes', async ({
    account,
  }) => {
    const { inbox } = await mailboxesByRole(account);
    const email = await importMessage(account, rfc822({ subject: 'Later' }), [inbox!], {
      keywords: { $seen: true },
    });
    const since = await stateOf(account, 'Email');
    const until = fromNow(3_600_000);
    expect(await setSnoozed(account, email.id, { until })).toMatchObject({ updated: { [email.id]: null } });
    const { snoozed } = await mailboxesByRole(account);
    expect(snoozed).toBeDefined();
    expect(await getEmail(account, email.id)).toEqual({
      id: email.id,
      snoozed: { until },
      mailboxIds: { [snoozed!]: true },
      keywords: { $seen: true },
    });
    // RFC 8620 §5.2: the snooze is a change like any other.
    const changes = await account.ok<{ updated: Id[] }>('Email/changes', {
      accountId: account.accountId,
      sinceState: since,
    });
    expect(changes.updated).toContain(email.id);
    // Moving the wake-up time is a change too.
    const moved = await stateOf(account, 'Email');
    const later = fromNow(7_200_000);
    await setSnoozed(account, email.id, { until: later });
    expect(await getEmail(account, email.id)).toMatchObject({ snoozed: { until: later } });
    expect(await stateOf(account, 'Email')).not.toBe(moved);

    await setSnoozed(account, email.id, null);
    expect(await getEmail(account, email.id)).toEqual({
      id: email.id,
      snoozed: null,
      mailboxIds: { [inbox!]: true },
      keywords: { $seen: true },
    });
  });

  test('RFC 8620 §5.3: an until in the past, beyond maxSnoozeSeconds or not a UTCDate is invalidProperties', async ({
    account,
  }) => {
    const { inbox } = await mailboxesByRole(account);
    const email = await importMessage(account, rfc822({ subject: 'Bad dates' }), [inbox!]);
    const max = (
      account.session.accounts[account.accountId]?.accountCapabilities[Capability.Snooze] as {
        maxSnoozeSeconds: number;
      }
    ).maxSnoozeSeconds;
    for (const until of ['2000-01-01T00:00:00Z', fromNow((max + 86_400) * 1000), 'next week', 42]) {
      const result = await setSnoozed(account, email.id, { until });
      expect(result.notUpdated?.[email.id]).toMatchObject({
        type: 'invalidProperties',
        properties: ['snoozed'],
      });
    }
    expect(await getEmail(account, email.id)).toMatchObject({
      snoozed: null,
      mailboxIds: { [inbox!]: true },
    });
  });

  test('the server wakes a snooze on time, back to its mailboxes with its keywords, unread, pushed', async ({
    account,
  }) => {
    const { inbox } = await mailboxesByRole(account);
    const made = await account.ok<SetResponse>('Mailbox/set', {
      accountId: account.accountId,
      create: { w: { name: 'Work' } },
    });
    const work = createdId(made, 'w');
    const email = await importMessage(account, rfc822({ subject: 'Wake me' }), [inbox!, work], {
      keywords: { $seen: true, $flagged: true },
    });
    const stream = await openEventSource(account, { types: 'Email', closeafter: 'no', ping: '0' });
    try {
      await setSnoozed(account, email.id, { until: fromNow(2_000) });
      const snoozedState = await stateOf(account, 'Email');
      // No client asks: the BFF's scheduler wakes it (poked by the Email/set, not its 60 s look).
      await expect
        .poll(async () => (await getEmail(account, email.id)).snoozed, { timeout: 8_000, intervals: [250] })
        .toBeNull();
      // The store's wake-up rule: unread again, other keywords kept (mail-store snoozes.ts).
      expect(await getEmail(account, email.id)).toEqual({
        id: email.id,
        snoozed: null,
        mailboxIds: { [inbox!]: true, [work]: true },
        keywords: { $flagged: true },
      });
      // RFC 8620 §7.3: the wake-up reaches a connected client as a StateChange.
      await expect
        .poll(
          () =>
            stream.events.some((e) => {
              const changed = e.data.changed as Record<string, Record<string, string>> | undefined;
              const state = changed?.[account.accountId]?.Email;
              return state !== undefined && state !== snoozedState;
            }),
          { timeout: 5_000, intervals: [100] },
        )
        .toBe(true);
    } finally {
      stream.close();
      await stream.ended;
    }
  });
});
