import { Capability } from '@colibri/jmap-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOne, callUsing } from './support/call-using.js';
import { openFixture, resultOf } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

let f: Fixture;
let totalSize: number;
beforeAll(async () => {
  f = await openFixture();
  totalSize = Object.values(f.emails).reduce((sum, email) => sum + email.size, 0);
});
afterAll(() => f.close());

const USING = [Capability.Core, Capability.Mail, Capability.Quota];
const call = (name: string, args: Record<string, unknown>, expected = name) =>
  callOne(f, USING, name, args, expected);
const quotaState = async () => (await call('Quota/get', { ids: [] })).state as string;
const setLimits = (maxEmails: number | null, maxBytes: number | null) =>
  f.store.setQuota(f.alice.accountId, { maxEmails, maxBytes });

describe('Session (RFC 9425 §3, RFC 8621 §1.3.3)', () => {
  it('announces the quota and vacationresponse capabilities in the session and the account', async () => {
    const session = await f.engine.getSession(f.alice, 'http://localhost:8080');
    expect(session.capabilities[Capability.Quota]).toEqual({});
    expect(session.capabilities[Capability.VacationResponse]).toEqual({});
    const account = session.accounts[f.alice.accountId];
    expect(account?.accountCapabilities[Capability.Quota]).toEqual({});
    expect(account?.accountCapabilities[Capability.VacationResponse]).toEqual({});
    expect(session.primaryAccounts[Capability.Quota]).toBe(f.alice.accountId);
    expect(session.primaryAccounts[Capability.VacationResponse]).toBe(f.alice.accountId);
  });

  it('accepts the quota capability in using; without it Quota/get is unknownMethod', async () => {
    const response = await callUsing(
      f,
      [Capability.Core],
      [['Quota/get', { accountId: f.alice.accountId }, 'q']],
    );
    expect(resultOf(response, 'error').type).toBe('unknownMethod');
  });
});

describe('Quota/get (RFC 9425 §4.2)', () => {
  it('has no Quota objects for an account without limits', async () => {
    const result = await call('Quota/get', { ids: null });
    expect(result.list).toEqual([]);
    expect(result.notFound).toEqual([]);
  });

  it("maps each limit that is set to a Quota on the account's emails", async () => {
    await setLimits(10, null);
    expect((await call('Quota/get', {})).list).toEqual([
      {
        id: 'count',
        resourceType: 'count',
        used: 5,
        hardLimit: 10,
        scope: 'account',
        name: 'Emails',
        types: ['Email'],
        warnLimit: null,
        softLimit: null,
        description: expect.any(String),
      },
    ]);
    await setLimits(10, 1_000_000);
    const result = await call('Quota/get', {
      ids: ['octets', 'count', 'nope'],
      properties: ['used', 'hardLimit'],
    });
    expect(result.list).toEqual([
      { id: 'count', used: 5, hardLimit: 10 },
      { id: 'octets', used: totalSize, hardLimit: 1_000_000 },
    ]);
    expect(result.notFound).toEqual(['nope']);
    expect((await call('Quota/get', { properties: ['size'] }, 'error')).type).toBe('invalidArguments');
    expect((await call('Quota/get', { accountId: f.bob.accountId }, 'error')).type).toBe('accountNotFound');
  });
});

describe('Quota/changes (RFC 9425 §4.3)', () => {
  it('reports usage changes with updatedProperties ["used"], limit changes with null', async () => {
    await setLimits(10, 1_000_000);
    const before = await quotaState();
    const destroy = await callUsing(f, USING, [
      ['Email/set', { accountId: f.alice.accountId, destroy: [f.emails.newsletter.id] }, 'd'],
    ]);
    expect(resultOf(destroy, 'Email/set').destroyed).toEqual([f.emails.newsletter.id]);
    const afterDelete = await quotaState();
    expect(afterDelete).not.toBe(before);
    expect(await call('Quota/changes', { sinceState: before })).toEqual({
      accountId: f.alice.accountId,
      oldState: before,
      newState: afterDelete,
      hasMoreChanges: false,
      created: [],
      updated: ['count', 'octets'],
      destroyed: [],
      updatedProperties: ['used'],
    });

    await setLimits(20, 1_000_000);
    const changes = await call('Quota/changes', { sinceState: afterDelete });
    expect(changes).toMatchObject({ updated: ['count'], updatedProperties: null });
    const none = await call('Quota/changes', { sinceState: changes.newState });
    expect(none).toMatchObject({ created: [], updated: [], destroyed: [], hasMoreChanges: false });
  });

  it('reports quotas appearing and disappearing, maxChanges at a time', async () => {
    await setLimits(null, null);
    const empty = await quotaState();
    await setLimits(50, 2_000_000);
    const first = await call('Quota/changes', { sinceState: empty, maxChanges: 1 });
    expect(first).toMatchObject({ created: ['count'], hasMoreChanges: true });
    const second = await call('Quota/changes', { sinceState: first.newState, maxChanges: 1 });
    expect(second).toMatchObject({
      created: ['octets'],
      hasMoreChanges: false,
      newState: await quotaState(),
    });

    const full = await quotaState();
    await setLimits(null, 2_000_000);
    expect(await call('Quota/changes', { sinceState: full })).toMatchObject({
      created: [],
      updated: [],
      destroyed: ['count'],
    });
  });

  it('answers cannotCalculateChanges for a state it never gave', async () => {
    for (const sinceState of ['', 'x', 'c1-2.c1-2', 'c01-2'])
      expect((await call('Quota/changes', { sinceState }, 'error')).type).toBe('cannotCalculateChanges');
    expect((await call('Quota/changes', { sinceState: 'none', maxChanges: 0 }, 'error')).type).toBe(
      'invalidArguments',
    );
  });
});

describe('Quota/query and Quota/queryChanges (RFC 9425 §4.4, §4.5)', () => {
  it('filters by name, scope, resourceType and type, and sorts by name and used', async () => {
    await setLimits(10, 1_000_000);
    const ids = async (args: Record<string, unknown>) => (await call('Quota/query', args)).ids;
    expect(await ids({})).toEqual(['count', 'octets']);
    expect(await ids({ filter: { resourceType: 'octets' } })).toEqual(['octets']);
    expect(await ids({ filter: { scope: 'account', type: 'Email' } })).toEqual(['count', 'octets']);
    expect(await ids({ filter: { scope: 'domain' } })).toEqual([]);
    expect(await ids({ filter: { type: 'Mailbox' } })).toEqual([]);
    expect(await ids({ filter: { name: 'storage' } })).toEqual(['octets']);
    expect(await ids({ filter: { operator: 'NOT', conditions: [{ resourceType: 'count' }] } })).toEqual([
      'octets',
    ]);
    expect(await ids({ sort: [{ property: 'name', isAscending: false }] })).toEqual(['octets', 'count']);
    // used: 4 emails against their total size in octets.
    expect(await ids({ sort: [{ property: 'used' }] })).toEqual(['count', 'octets']);
    expect(await ids({ sort: [{ property: 'used', isAscending: false }] })).toEqual(['octets', 'count']);
  });

  it('pages with position, anchor and limit, and gives the total when asked', async () => {
    const result = await call('Quota/query', { position: -1, calculateTotal: true });
    expect(result).toMatchObject({ ids: ['octets'], position: 1, total: 2, canCalculateChanges: true });
    expect((await call('Quota/query', { anchor: 'octets', anchorOffset: -1, limit: 1 })).ids).toEqual([
      'count',
    ]);
    expect((await call('Quota/query', { anchor: 'nope' }, 'error')).type).toBe('anchorNotFound');
    expect((await call('Quota/query', { sort: [{ property: 'hardLimit' }] }, 'error')).type).toBe(
      'unsupportedSort',
    );
    expect((await call('Quota/query', { filter: { used: 3 } }, 'error')).type).toBe('invalidArguments');
    expect((await call('Quota/query', { limit: -1 }, 'error')).type).toBe('invalidArguments');
  });

  it('queryChanges removes and re-adds changed quotas at their new index', async () => {
    await setLimits(10, 1_000_000);
    const sort = [{ property: 'used', isAscending: false }];
    const query = await call('Quota/query', { sort });
    expect(query.ids).toEqual(['octets', 'count']);
    const unchanged = await call('Quota/queryChanges', { sort, sinceQueryState: query.queryState });
    expect(unchanged).toMatchObject({ removed: [], added: [], newQueryState: query.queryState });

    await setLimits(10, null);
    const changes = await call('Quota/queryChanges', {
      sort,
      sinceQueryState: query.queryState,
      calculateTotal: true,
    });
    expect(changes).toEqual({
      accountId: f.alice.accountId,
      oldQueryState: query.queryState,
      newQueryState: (await call('Quota/query', { sort })).queryState,
      removed: ['octets'],
      added: [],
      total: 1,
    });
    await setLimits(10, 5);
    const back = await call('Quota/queryChanges', { sort, sinceQueryState: changes.newQueryState });
    // The octets quota is back, first (its usage, in octets, is above 4 emails).
    expect(back).toMatchObject({ removed: [], added: [{ id: 'octets', index: 0 }] });
    expect(
      (await call('Quota/queryChanges', { sinceQueryState: query.queryState, maxChanges: 1 }, 'error')).type,
    ).toBe('tooManyChanges');
    expect((await call('Quota/queryChanges', { sinceQueryState: 'garbage' }, 'error')).type).toBe(
      'cannotCalculateChanges',
    );
  });
});
