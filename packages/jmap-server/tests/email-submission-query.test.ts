import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Capability } from '@colibri/jmap-types';
import type { EmailRecord, EmailSubmissionId } from '@colibri/mail-store';
import { openFixture, resultOf } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';
import { aliceIdentityId, callSubmission, importDraft } from './support/submissions.js';

let f: Fixture;
let identityId: string;
const drafts: EmailRecord[] = [];
/** s0 sent now, s1 held one hour, s2 held two hours then canceled. */
const ids: string[] = [];
const hour = 3_600_000;
const later = (ms: number) => new Date(Date.now() + ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const one = async (name: string, args: Record<string, unknown>) =>
  resultOf(await callSubmission(f, [[name, { accountId: f.alice.accountId, ...args }, 'c']]), name);
const query = async (args: Record<string, unknown>) => one('EmailSubmission/query', args);

beforeAll(async () => {
  f = await openFixture();
  identityId = await aliceIdentityId(f);
  for (let i = 0; i < 3; i++) drafts.push(await importDraft(f, { Subject: `Draft ${i}` }));
  const created = (
    await one('EmailSubmission/set', {
      create: {
        s0: { identityId, emailId: drafts[0]!.id },
        s1: { identityId, emailId: drafts[1]!.id, sendAt: later(hour) },
        s2: { identityId, emailId: drafts[2]!.id, sendAt: later(2 * hour) },
      },
    })
  ).created as Record<string, { id: string }>;
  ids.push(created.s0!.id, created.s1!.id, created.s2!.id);
  await one('EmailSubmission/set', { update: { [ids[2]!]: { undoStatus: 'canceled' } } });
});
afterAll(() => f.close());

describe('EmailSubmission/get (RFC 8621 §7.1) and deliveryStatus (§7)', () => {
  it('reports each recipient’s delivery from the queue’s attempts', async () => {
    const id = ids[0] as EmailSubmissionId;
    await f.store.recordDeliveryAttempt(id, 'bob@colibri.test', {
      outcome: 'delivered',
      smtpReply: '250 2.0.0 OK',
    });
    await f.store.recordDeliveryAttempt(id, 'carol@remote.test', {
      outcome: 'permanent',
      smtpReply: '550 5.1.1 No such user',
    });
    const got = await one('EmailSubmission/get', {
      ids: [ids[0]],
      properties: ['undoStatus', 'deliveryStatus'],
    });
    expect(got.list).toEqual([
      {
        id: ids[0],
        undoStatus: 'final',
        deliveryStatus: {
          'bob@colibri.test': { smtpReply: '250 2.0.0 OK', delivered: 'yes', displayed: 'unknown' },
          'carol@remote.test': { smtpReply: '550 5.1.1 No such user', delivered: 'no', displayed: 'unknown' },
        },
      },
    ]);
  });

  it('returns every submission for ids null, notFound for unknown ids, and rejects unknown properties', async () => {
    const all = await one('EmailSubmission/get', { ids: null, properties: ['emailId', 'threadId'] });
    expect(all.list).toEqual(
      ids.map((id, i) => ({ id, emailId: drafts[i]!.id, threadId: drafts[i]!.threadId })),
    );
    expect(all.state).toBe(await f.store.getState(f.alice.accountId, 'EmailSubmission'));
    const some = await one('EmailSubmission/get', { ids: [ids[1], 'Snope'], properties: ['undoStatus'] });
    expect(some).toMatchObject({ list: [{ id: ids[1], undoStatus: 'pending' }], notFound: ['Snope'] });
    const bad = await callSubmission(f, [
      ['EmailSubmission/get', { accountId: f.alice.accountId, properties: ['subject'] }, 'g'],
    ]);
    expect(bad.methodResponses[0]).toMatchObject(['error', { type: 'invalidArguments' }, 'g']);
  });

  it('never shows another account’s submissions', async () => {
    const { body } = await f.engine.handleRequest(f.bob, {
      using: [Capability.Core, Capability.Mail, Capability.Submission],
      methodCalls: [['EmailSubmission/get', { accountId: f.bob.accountId, ids }, 'g']],
    });
    expect((body as { methodResponses: unknown[][] }).methodResponses[0]![1]).toMatchObject({
      list: [],
      notFound: ids,
    });
  });

  it('becomes final at sendAt, when the queue hands it out (§7 undoStatus)', async () => {
    const before = (await f.store.getState(f.alice.accountId, 'EmailSubmission')) as string;
    await f.store.dueDeliveries(new Date(Date.now() + 1.5 * hour), 1000);
    const got = await one('EmailSubmission/get', { ids: [ids[1]], properties: ['undoStatus'] });
    expect(got.list).toEqual([{ id: ids[1], undoStatus: 'final' }]);
    const changes = await one('EmailSubmission/changes', { sinceState: before });
    expect(changes).toMatchObject({ updated: [ids[1]], created: [], destroyed: [] });
  });
});

describe('EmailSubmission/query (RFC 8621 §7.3)', () => {
  it('filters by undoStatus, emailIds, threadIds, identityIds, before and after', async () => {
    expect((await query({ filter: { undoStatus: 'canceled' } })).ids).toEqual([ids[2]]);
    expect((await query({ filter: { emailIds: [drafts[0]!.id, drafts[2]!.id] } })).ids).toEqual([
      ids[0],
      ids[2],
    ]);
    expect((await query({ filter: { threadIds: [drafts[1]!.threadId] } })).ids).toEqual([ids[1]]);
    expect((await query({ filter: { identityIds: ['Inope'] } })).ids).toEqual([]);
    expect((await query({ filter: { identityIds: [identityId] } })).ids).toHaveLength(3);
    expect((await query({ filter: { after: later(30 * 60_000) } })).ids).toEqual([ids[1], ids[2]]);
    expect((await query({ filter: { before: later(30 * 60_000) } })).ids).toEqual([ids[0]]);
    expect(
      (await query({ filter: { operator: 'NOT', conditions: [{ undoStatus: 'canceled' }] } })).ids,
    ).toEqual([ids[0], ids[1]]);
  });

  it('sorts by sentAt, emailId and threadId, and pages with position, anchor and limit (RFC 8620 §5.5)', async () => {
    const newest = await query({ sort: [{ property: 'sentAt', isAscending: false }], calculateTotal: true });
    expect(newest).toMatchObject({
      ids: [ids[2], ids[1], ids[0]],
      total: 3,
      position: 0,
      canCalculateChanges: true,
    });
    const byEmail = [...ids].sort((a, b) => {
      const ea = drafts[ids.indexOf(a)]!.id;
      const eb = drafts[ids.indexOf(b)]!.id;
      return ea < eb ? -1 : 1;
    });
    expect((await query({ sort: [{ property: 'emailId' }] })).ids).toEqual(byEmail);
    expect((await query({ sort: [{ property: 'threadId' }] })).ids).toHaveLength(3);
    expect((await query({ position: -1 })).ids).toEqual([ids[2]]);
    expect(await query({ anchor: ids[1], anchorOffset: -1, limit: 1 })).toMatchObject({
      position: 0,
      ids: [ids[0]],
    });
  });

  it('answers unsupportedSort, anchorNotFound and invalidArguments', async () => {
    const response = await callSubmission(f, [
      ['EmailSubmission/query', { accountId: f.alice.accountId, sort: [{ property: 'subject' }] }, 'a'],
      ['EmailSubmission/query', { accountId: f.alice.accountId, anchor: 'Snope' }, 'b'],
      ['EmailSubmission/query', { accountId: f.alice.accountId, filter: { before: 'yesterday' } }, 'c'],
      ['EmailSubmission/query', { accountId: f.alice.accountId, filter: { subject: 'x' } }, 'd'],
    ]);
    expect(response.methodResponses.map(([name, args]) => (name === 'error' ? args.type : name))).toEqual([
      'unsupportedSort',
      'anchorNotFound',
      'invalidArguments',
      'invalidArguments',
    ]);
  });
});

describe('EmailSubmission/queryChanges (RFC 8621 §7.4, RFC 8620 §5.6)', () => {
  it('reports what left and joined the results since a query state', async () => {
    const filter = { undoStatus: 'pending' };
    const email = await importDraft(f);
    const first = await query({ filter });
    const created = (
      await one('EmailSubmission/set', {
        create: { n: { identityId, emailId: email.id, sendAt: later(3 * hour) } },
      })
    ).created as Record<string, { id: string }>;
    const newId = created.n!.id;
    const changes = await one('EmailSubmission/queryChanges', {
      filter,
      sinceQueryState: first.queryState,
      calculateTotal: true,
    });
    expect(changes).toMatchObject({
      oldQueryState: first.queryState,
      newQueryState: (await query({ filter })).queryState,
      removed: [newId],
      added: [{ id: newId, index: (first.ids as string[]).length }],
      total: (first.ids as string[]).length + 1,
    });

    await one('EmailSubmission/set', { update: { [newId]: { undoStatus: 'canceled' } } });
    const after = await one('EmailSubmission/queryChanges', {
      filter,
      sinceQueryState: changes.newQueryState,
    });
    expect(after).toMatchObject({ removed: [newId], added: [] });
  });

  it('answers cannotCalculateChanges for a state it cannot follow, tooManyChanges past maxChanges', async () => {
    const response = await callSubmission(f, [
      ['EmailSubmission/queryChanges', { accountId: f.alice.accountId, sinceQueryState: 'bogus' }, 'a'],
      [
        'EmailSubmission/queryChanges',
        { accountId: f.alice.accountId, sinceQueryState: '0', maxChanges: 1 },
        'b',
      ],
    ]);
    expect(response.methodResponses.map(([, args]) => args.type)).toEqual([
      'cannotCalculateChanges',
      'tooManyChanges',
    ]);
  });
});

describe('The submission capability in the Session (RFC 8621 §1.3.2)', () => {
  it('announces maxDelayedSend and FUTURERELEASE with the same limit (RFC 4865)', async () => {
    const session = await f.engine.getSession(f.alice, 'http://localhost');
    expect(session.capabilities[Capability.Submission]).toEqual({});
    expect(session.primaryAccounts[Capability.Submission]).toBe(f.alice.accountId);
    const capability = session.accounts[f.alice.accountId]?.accountCapabilities[Capability.Submission] as {
      maxDelayedSend: number;
      submissionExtensions: Record<string, string[]>;
    };
    expect(capability.maxDelayedSend).toBe(30 * 86_400);
    const [interval, latest] = capability.submissionExtensions.FUTURERELEASE!;
    expect(interval).toBe(String(30 * 86_400));
    expect(Math.abs(Date.parse(latest!) - Date.now() - 30 * 86_400_000)).toBeLessThan(60_000);
  });
});
