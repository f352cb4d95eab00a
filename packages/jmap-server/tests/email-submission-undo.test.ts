import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submissionLimits } from '@colibri/mail-store';
import type { EmailSubmissionId } from '@colibri/mail-store';
import { openFixture, resultOf } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';
import { aliceIdentityId, otherId, callSubmission, importDraft } from './support/submissions.js';

let f: Fixture;
let identityId: string;
beforeAll(async () => {
  f = await openFixture();
  identityId = await aliceIdentityId(f);
});
afterAll(() => f.close());

const hour = 3_600_000;
const set = async (args: Record<string, unknown>) =>
  resultOf(
    await callSubmission(f, [['EmailSubmission/set', { accountId: f.alice.accountId, ...args }, 's']]),
    'EmailSubmission/set',
  );
const createdId = (result: Record<string, unknown>, key = 'c') =>
  (result.created as Record<string, { id: string }>)[key]!.id;
const later = (ms: number) => new Date(Date.now() + ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('Delayed send and undo (RFC 8621 §7, §7.5; RFC 4865 FUTURERELEASE)', () => {
  it('holds a submission with sendAt: pending, cancelable, then canceled (undo send)', async () => {
    const email = await importDraft(f);
    const sendAt = later(hour);
    const result = await set({ create: { c: { identityId, emailId: email.id, sendAt } } });
    const id = createdId(result);
    expect(result.created).toMatchObject({ c: { sendAt, undoStatus: 'pending' } });
    // Nothing is due before sendAt.
    expect((await f.store.dueDeliveries(new Date(), 100)).map((d) => d.submissionId)).not.toContain(id);

    const cancel = await set({ update: { [id]: { undoStatus: 'canceled' } } });
    expect(cancel.updated).toEqual({ [id]: null });
    const [stored] = await f.store.getSubmissions(f.alice.accountId, [id as EmailSubmissionId]);
    expect(stored?.undoStatus).toBe('canceled');
    const got = resultOf(
      await callSubmission(f, [['EmailSubmission/get', { accountId: f.alice.accountId, ids: [id] }, 'g']]),
      'EmailSubmission/get',
    );
    // A canceled send will never be delivered.
    expect(got.list).toMatchObject([
      { undoStatus: 'canceled', deliveryStatus: { 'bob@colibri.test': { delivered: 'no' } } },
    ]);
    expect(
      (await f.store.dueDeliveries(new Date(Date.now() + 2 * hour), 100)).map((d) => d.submissionId),
    ).not.toContain(id);
  });

  it('holds with the envelope’s HOLDFOR / HOLDUNTIL parameters (RFC 4865)', async () => {
    const email = await importDraft(f);
    const envelope = (parameters: Record<string, string>) => ({
      mailFrom: { email: 'alice@colibri.test', parameters },
      rcptTo: [{ email: 'bob@colibri.test', parameters: null }],
    });
    const until = later(2 * hour);
    const result = await set({
      create: {
        a: { identityId, emailId: email.id, envelope: envelope({ HOLDFOR: '3600' }) },
        b: { identityId, emailId: email.id, envelope: envelope({ holduntil: until }) },
      },
    });
    const created = result.created as Record<string, { sendAt: string; undoStatus: string }>;
    expect(created.a!.undoStatus).toBe('pending');
    expect(Math.abs(Date.parse(created.a!.sendAt) - Date.now() - hour)).toBeLessThan(5_000);
    expect(created.b).toMatchObject({ sendAt: until, undoStatus: 'pending' });
  });

  it('refuses a hold beyond maxDelayedSend, or an unknown MAIL FROM parameter, as invalidProperties', async () => {
    const email = await importDraft(f);
    const tooFar = later(submissionLimits.maxDelayedSendMs + hour);
    const result = await set({
      create: {
        sendAt: { identityId, emailId: email.id, sendAt: tooFar },
        holdFor: {
          identityId,
          emailId: email.id,
          envelope: {
            mailFrom: { email: 'alice@colibri.test', parameters: { HOLDFOR: String(31 * 86_400) } },
            rcptTo: [{ email: 'bob@colibri.test', parameters: null }],
          },
        },
        unknown: {
          identityId,
          emailId: email.id,
          envelope: {
            mailFrom: { email: 'alice@colibri.test', parameters: { SMTPUTF8: null } },
            rcptTo: [{ email: 'bob@colibri.test', parameters: null }],
          },
        },
        notADate: { identityId, emailId: email.id, sendAt: 'tomorrow' },
      },
    });
    expect(result.created).toBeNull();
    expect(result.notCreated).toMatchObject({
      sendAt: { type: 'invalidProperties', properties: ['sendAt'] },
      holdFor: { type: 'invalidProperties', properties: ['envelope'] },
      unknown: { type: 'invalidProperties', properties: ['envelope'] },
      notADate: { type: 'invalidProperties', properties: ['sendAt'] },
    });
  });

  it('answers cannotUnsend once final, and allows no other change (§7.5)', async () => {
    const email = await importDraft(f);
    const id = createdId(await set({ create: { c: { identityId, emailId: email.id } } }));
    const result = await set({
      update: {
        [id]: { undoStatus: 'canceled' },
        Sunknownsubmissio: { undoStatus: 'canceled' },
      },
    });
    expect(result.notUpdated).toMatchObject({
      [id]: { type: 'cannotUnsend' },
      Sunknownsubmissio: { type: 'notFound' },
    });
    const other = await set({ update: { [id]: { undoStatus: 'pending', emailId: 'Eother' } } });
    expect(other.notUpdated).toMatchObject({ [id]: { type: 'invalidProperties', properties: ['emailId'] } });
    const [stored] = await f.store.getSubmissions(f.alice.accountId, [id as EmailSubmissionId]);
    expect(stored?.undoStatus).toBe('final');
  });

  it('destroys the record, not the email, and not a delivery in flight (§7.5)', async () => {
    const email = await importDraft(f);
    const id = createdId(await set({ create: { c: { identityId, emailId: email.id } } }));
    const before = (await f.store.getState(f.alice.accountId, 'EmailSubmission')) as string;
    const result = await set({ destroy: [id, otherId(id)] });
    expect(result.destroyed).toEqual([id]);
    expect(result.notDestroyed).toEqual({ [otherId(id)]: { type: 'notFound' } });
    expect(await f.store.getSubmissions(f.alice.accountId, [id as EmailSubmissionId])).toEqual([]);
    expect(await f.store.getEmails(f.alice.accountId, [email.id])).toHaveLength(1);
    // Its recipients are still handed to the delivery worker.
    expect((await f.store.dueDeliveries(new Date(), 1000)).map((d) => d.submissionId)).toContain(id);
    const changes = resultOf(
      await callSubmission(f, [
        ['EmailSubmission/changes', { accountId: f.alice.accountId, sinceState: before }, 'c'],
      ]),
      'EmailSubmission/changes',
    );
    expect(changes.destroyed).toEqual([id]);
  });
});

describe('onSuccessUpdateEmail / onSuccessDestroyEmail (RFC 8621 §7.5)', () => {
  it('answers the implicit Email/set right after EmailSubmission/set, with the same call id', async () => {
    const sent = await importDraft(f);
    const refused = await importDraft(f, { From: 'mallory@evil.test' });
    const response = await callSubmission(f, [
      [
        'EmailSubmission/set',
        {
          accountId: f.alice.accountId,
          create: {
            ok: { identityId, emailId: sent.id },
            bad: { identityId, emailId: refused.id },
          },
          onSuccessUpdateEmail: {
            '#ok': {
              [`mailboxIds/${f.archive.id}`]: true,
              [`mailboxIds/${f.inbox.id}`]: null,
              'keywords/$draft': null,
            },
            '#bad': { 'keywords/$draft': null },
          },
        },
        'send',
      ],
      [
        'Email/get',
        { accountId: f.alice.accountId, ids: [sent.id, refused.id], properties: ['keywords'] },
        'g',
      ],
    ]);
    expect(response.methodResponses.map(([name, , callId]) => [name, callId])).toEqual([
      ['EmailSubmission/set', 'send'],
      ['Email/set', 'send'],
      ['Email/get', 'g'],
    ]);
    // Only the submission that was created updates its email.
    expect(resultOf(response, 'Email/set', 1)).toMatchObject({
      updated: { [sent.id]: null },
      notUpdated: null,
    });
    const [moved] = await f.store.getEmails(f.alice.accountId, [sent.id]);
    expect(moved).toMatchObject({ mailboxIds: [f.archive.id], keywords: [] });
    expect(resultOf(response, 'Email/get', 2).list).toEqual([
      { id: sent.id, keywords: {} },
      { id: refused.id, keywords: { $draft: true } },
    ]);
  });

  it('destroys the email of a created submission, the submission keeping its bytes', async () => {
    const draft = await importDraft(f);
    const response = await callSubmission(f, [
      [
        'EmailSubmission/set',
        {
          accountId: f.alice.accountId,
          create: { c: { identityId, emailId: draft.id } },
          onSuccessDestroyEmail: ['#c'],
        },
        's',
      ],
    ]);
    const id = createdId(resultOf(response, 'EmailSubmission/set'));
    expect(resultOf(response, 'Email/set', 1)).toMatchObject({ destroyed: [draft.id] });
    expect(await f.store.getEmails(f.alice.accountId, [draft.id])).toEqual([]);
    expect(await f.store.readSubmissionMessage(id as EmailSubmissionId)).not.toBeNull();
  });

  it('sends no Email/set when no submission succeeded', async () => {
    const response = await callSubmission(f, [
      [
        'EmailSubmission/set',
        {
          accountId: f.alice.accountId,
          create: { c: { identityId, emailId: 'Enosuchemail00000' } },
          onSuccessDestroyEmail: ['#c'],
        },
        's',
      ],
    ]);
    expect(response.methodResponses.map(([name]) => name)).toEqual(['EmailSubmission/set']);
  });
});
