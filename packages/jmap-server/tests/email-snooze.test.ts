import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Capability } from '@colibri/jmap-types';
import type { Invocation, JmapResponse } from '@colibri/jmap-types';
import { createJmapEngine } from '../src/index.js';
import type { Principal } from '../src/index.js';
import { MAX_SNOOZE_SECONDS } from '../src/methods/email/snooze.js';
import { openFixture, USING } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';
import { shareRights } from './support/sharing.js';

// Colibri's snooze extension (packages/jmap-server/CONTEXT.md): the Email property `snoozed`,
// in Cyrus's shape, only for requests that `using` Capability.Snooze.

let f: Fixture;
const poked: Date[] = [];
let send: (calls: Invocation[], using?: string[], principal?: Principal) => Promise<JmapResponse>;

beforeAll(async () => {
  f = await openFixture();
  const engine = createJmapEngine({ store: f.store, hooks: { snoozeSet: (until) => poked.push(until) } });
  send = async (methodCalls, using = [...USING, Capability.Snooze], principal = f.alice) => {
    const { status, body } = await engine.handleRequest(principal, { using, methodCalls });
    if (status !== 200) throw new Error(`HTTP ${status}: ${JSON.stringify(body)}`);
    return body as JmapResponse;
  };
});
afterAll(() => f.close());

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z');

async function one(name: string, args: Record<string, unknown>, principal?: Principal) {
  const response = await send([[name, args, 'c']], undefined, principal);
  return response.methodResponses[0]!;
}

describe('Email snoozed (Capability.Snooze)', () => {
  it('is an unknown property for a request that does not use the capability', async () => {
    const response = await send(
      [
        [
          'Email/get',
          { accountId: f.alice.accountId, ids: [f.emails.lunchInvite.id], properties: ['snoozed'] },
          'c',
        ],
      ],
      USING,
    );
    expect(response.methodResponses[0]?.[1]).toMatchObject({ type: 'invalidArguments' });
    const set = await send(
      [
        [
          'Email/set',
          { accountId: f.alice.accountId, update: { [f.emails.lunchInvite.id]: { snoozed: null } } },
          'c',
        ],
      ],
      USING,
    );
    expect(set.methodResponses[0]?.[1]).toMatchObject({
      notUpdated: { [f.emails.lunchInvite.id]: { type: 'invalidProperties' } },
    });
  });

  it('snoozes into the Snoozed mailbox, reports until, pokes the host, and unsnoozes back', async () => {
    const id = f.emails.latin1Note.id;
    const until = inAnHour();
    const [, set] = await one('Email/set', {
      accountId: f.alice.accountId,
      update: { [id]: { snoozed: { until } } },
    });
    expect(set).toMatchObject({ updated: { [id]: null } });
    expect(poked.at(-1)?.toISOString().replace('.000Z', 'Z')).toBe(until);
    const snoozedBox = await f.store.findMailboxByRole(f.alice.accountId, 'snoozed');
    const [, got] = await one('Email/get', {
      accountId: f.alice.accountId,
      ids: [id],
      properties: ['snoozed', 'mailboxIds'],
    });
    expect(got).toMatchObject({ list: [{ id, snoozed: { until }, mailboxIds: { [snoozedBox!.id]: true } }] });
    const [, boxes] = await one('Mailbox/get', {
      accountId: f.alice.accountId,
      ids: [snoozedBox!.id],
      properties: ['role'],
    });
    expect(boxes).toMatchObject({ list: [{ role: 'snoozed' }] });

    await one('Email/set', { accountId: f.alice.accountId, update: { [id]: { snoozed: null } } });
    const [, back] = await one('Email/get', {
      accountId: f.alice.accountId,
      ids: [id],
      properties: ['snoozed', 'mailboxIds'],
    });
    expect(back).toMatchObject({ list: [{ snoozed: null, mailboxIds: { [f.inbox.id]: true } }] });
  });

  it('refuses an until in the past, past the maximum, or malformed, and a move in the same patch', async () => {
    const id = f.emails.lunchInvite.id;
    const far = new Date(Date.now() + (MAX_SNOOZE_SECONDS + 3600) * 1000).toISOString();
    for (const snoozed of [
      { until: '2001-01-01T00:00:00Z' },
      { until: far },
      { until: 'tomorrow' },
      { until: inAnHour(), moveToMailboxId: f.archive.id },
      'soon',
    ]) {
      const [, set] = await one('Email/set', { accountId: f.alice.accountId, update: { [id]: { snoozed } } });
      expect(set).toMatchObject({
        notUpdated: { [id]: { type: 'invalidProperties', properties: ['snoozed'] } },
      });
    }
    const [, both] = await one('Email/set', {
      accountId: f.alice.accountId,
      update: { [id]: { snoozed: { until: inAnHour() }, [`mailboxIds/${f.archive.id}`]: true } },
    });
    expect(both).toMatchObject({ notUpdated: { [id]: { type: 'invalidProperties' } } });
    expect(await f.store.listSnoozed(f.alice.accountId)).toEqual([]);
  });

  it('lets a sharee snooze only with the owner’s Snoozed mailbox shared and the rights to move', async () => {
    const id = f.emails.lunchReply.id;
    const asBob = (args: Record<string, unknown>) =>
      one('Email/set', { accountId: f.alice.accountId, ...args }, f.bob);
    const snooze = { update: { [id]: { snoozed: { until: inAnHour() } } } };
    const all = shareRights('mayReadItems', 'mayAddItems', 'mayRemoveItems');
    await f.store.setMailboxShares(f.alice.accountId, f.inbox.id, new Map([[f.bob.accountId, all]]));
    const snoozedBox = await f.store.findMailboxByRole(f.alice.accountId, 'snoozed');
    // Not shared with bob: he may not put mail there.
    expect((await asBob(snooze))[1]).toMatchObject({ notUpdated: { [id]: { type: 'forbidden' } } });

    const readOnly = shareRights('mayReadItems');
    await f.store.setMailboxShares(f.alice.accountId, snoozedBox!.id, new Map([[f.bob.accountId, all]]));
    await f.store.setMailboxShares(f.alice.accountId, f.inbox.id, new Map([[f.bob.accountId, readOnly]]));
    expect((await asBob(snooze))[1]).toMatchObject({ notUpdated: { [id]: { type: 'forbidden' } } });

    await f.store.setMailboxShares(f.alice.accountId, f.inbox.id, new Map([[f.bob.accountId, all]]));
    expect((await asBob(snooze))[1]).toMatchObject({ updated: { [id]: null } });
    expect((await asBob({ update: { [id]: { snoozed: null } } }))[1]).toMatchObject({
      updated: { [id]: null },
    });
    await f.store.setMailboxShares(f.alice.accountId, f.inbox.id, new Map());
    await f.store.setMailboxShares(f.alice.accountId, snoozedBox!.id, new Map());
  });
});
