import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JmapResponse } from '@colibri/jmap-types';
import type { EmailSubmissionId } from '@colibri/mail-store';
import { openFixture, resultOf } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';
import {
  SUBMISSION_USING,
  aliceIdentityId,
  otherId,
  callSubmission,
  importDraft,
} from './support/submissions.js';

let f: Fixture;
let identityId: string;
beforeAll(async () => {
  f = await openFixture();
  identityId = await aliceIdentityId(f);
});
afterAll(() => f.close());

const set = async (args: Record<string, unknown>) =>
  resultOf(
    await callSubmission(f, [['EmailSubmission/set', { accountId: f.alice.accountId, ...args }, 's']]),
    'EmailSubmission/set',
  );
const createOne = async (object: Record<string, unknown>) =>
  set({ create: { c: { identityId, ...object } } });
const submissionState = async () => (await f.store.getState(f.alice.accountId, 'EmailSubmission')) as string;

describe('EmailSubmission/set create (RFC 8621 §7.5)', () => {
  it('queues the email with the envelope derived from its headers (§7: Sender/From, To+Cc+Bcc)', async () => {
    const email = await importDraft(f, { Sender: 'alice@colibri.test', Bcc: 'dave@remote.test' });
    const before = await submissionState();
    const result = await createOne({ emailId: email.id });
    expect(result.oldState).toBe(before);
    expect(result.newState).not.toBe(before);
    const created = (result.created as Record<string, Record<string, unknown>>).c!;
    expect(created).toMatchObject({
      threadId: email.threadId,
      undoStatus: 'final',
      envelope: {
        mailFrom: { email: 'alice@colibri.test', parameters: null },
        rcptTo: [
          { email: 'bob@colibri.test', parameters: null },
          { email: 'carol@remote.test', parameters: null },
          { email: 'dave@remote.test', parameters: null },
        ],
      },
      deliveryStatus: { 'bob@colibri.test': { delivered: 'queued', displayed: 'unknown', smtpReply: '' } },
    });
    const [stored] = await f.store.getSubmissions(f.alice.accountId, [created.id as EmailSubmissionId]);
    expect(stored).toMatchObject({ emailId: email.id, identityId, undoStatus: 'final' });
  });

  it('never sends the Bcc field (§7.5), and sends an email without one as stored', async () => {
    const withBcc = await importDraft(f, { Bcc: 'dave@remote.test' });
    const plain = await importDraft(f);
    const result = await set({
      create: { a: { identityId, emailId: withBcc.id }, b: { identityId, emailId: plain.id } },
    });
    const created = result.created as Record<string, { id: EmailSubmissionId }>;
    const sent = new TextDecoder().decode((await f.store.readSubmissionMessage(created.a!.id))!);
    expect(sent).not.toMatch(/^bcc:/im);
    expect(sent).toContain('To: Bob Martin <bob@colibri.test>');
    const [b] = await f.store.getSubmissions(f.alice.accountId, [created.b!.id]);
    expect(b?.blobId).toBe(plain.blobId);
  });

  it('takes an explicit envelope, and an emailId given as a #creationId reference (RFC 8620 §5.3)', async () => {
    const email = await importDraft(f);
    const envelope = {
      mailFrom: { email: 'alice@colibri.test', parameters: null },
      rcptTo: [{ email: 'only@remote.test', parameters: null }],
    };
    // The request's createdIds stands for an Email/create earlier in the same request.
    const { body } = await f.engine.handleRequest(f.alice, {
      using: SUBMISSION_USING,
      createdIds: { draft: email.id },
      methodCalls: [
        [
          'EmailSubmission/set',
          { accountId: f.alice.accountId, create: { x: { identityId, emailId: '#draft', envelope } } },
          's',
        ],
      ],
    });
    const response = body as JmapResponse;
    const created = resultOf(response, 'EmailSubmission/set').created as Record<
      string,
      Record<string, unknown>
    >;
    // The client gave the envelope: it is not echoed back.
    expect(created.x!.envelope).toBeUndefined();
    expect(response.createdIds).toEqual({ draft: email.id, x: created.x!.id });
    const got = await callSubmission(f, [
      ['EmailSubmission/get', { accountId: f.alice.accountId, ids: [created.x!.id as string] }, 'g'],
    ]);
    expect(resultOf(got, 'EmailSubmission/get').list).toEqual([
      {
        id: created.x!.id,
        identityId,
        emailId: email.id,
        threadId: email.threadId,
        envelope,
        sendAt: created.x!.sendAt,
        undoStatus: 'final',
        deliveryStatus: { 'only@remote.test': { smtpReply: '', delivered: 'queued', displayed: 'unknown' } },
        dsnBlobIds: [],
        mdnBlobIds: [],
      },
    ]);
  });

  it('answers each refused create with its SetError and stores nothing (§7.5)', async () => {
    const ok = await importDraft(f);
    const notMine = await importDraft(f, { From: 'mallory@evil.test' });
    const noFrom = await importDraft(f, { From: null });
    const noRecipients = await importDraft(f, { To: null, Cc: null });
    const bobsIdentity = (await f.store.listIdentities(f.bob.accountId))[0]!.id;
    const envelope = (mailFrom: string, rcptTo: string[]) => ({
      mailFrom: { email: mailFrom, parameters: null },
      rcptTo: rcptTo.map((email) => ({ email, parameters: null })),
    });
    const before = await submissionState();
    const result = await set({
      create: {
        unknownIdentity: { identityId: bobsIdentity, emailId: ok.id },
        unknownEmail: { identityId, emailId: otherId(f.emails.lunchInvite.id) },
        othersEmail: { identityId, emailId: 'Enotanemailatall' },
        extraProperty: { identityId, emailId: ok.id, undoStatus: 'final' },
        forbiddenFrom: { identityId, emailId: notMine.id },
        invalidEmail: { identityId, emailId: noFrom.id },
        noRecipients: { identityId, emailId: noRecipients.id },
        tooMany: {
          identityId,
          emailId: ok.id,
          envelope: envelope(
            'alice@colibri.test',
            Array.from({ length: 101 }, (_, i) => `r${i}@remote.test`),
          ),
        },
        invalidRecipients: {
          identityId,
          emailId: ok.id,
          envelope: envelope('alice@colibri.test', ['fine@remote.test', 'not an address']),
        },
        forbiddenMailFrom: {
          identityId,
          emailId: ok.id,
          envelope: envelope('mallory@evil.test', ['fine@remote.test']),
        },
        rcptParameters: {
          identityId,
          emailId: ok.id,
          envelope: {
            mailFrom: { email: 'alice@colibri.test', parameters: null },
            rcptTo: [{ email: 'fine@remote.test', parameters: { NOTIFY: 'NEVER' } }],
          },
        },
      },
    });
    expect(result.created).toBeNull();
    expect(result.newState).toBe(before);
    expect(result.notCreated).toMatchObject({
      unknownIdentity: { type: 'invalidProperties', properties: ['identityId'] },
      unknownEmail: { type: 'invalidProperties', properties: ['emailId'] },
      othersEmail: { type: 'invalidProperties', properties: ['emailId'] },
      extraProperty: { type: 'invalidProperties', properties: ['undoStatus'] },
      forbiddenFrom: { type: 'forbiddenFrom' },
      invalidEmail: { type: 'invalidEmail', properties: ['from'] },
      noRecipients: { type: 'noRecipients' },
      tooMany: { type: 'tooManyRecipients', maxRecipients: 100 },
      invalidRecipients: { type: 'invalidRecipients', invalidRecipients: ['not an address'] },
      forbiddenMailFrom: { type: 'forbiddenMailFrom' },
      rcptParameters: { type: 'invalidProperties', properties: ['envelope'] },
    });
    expect(await submissionState()).toBe(before);
  });

  it('answers forbiddenToSend when the identity’s address is no longer the account’s (§7.5)', async () => {
    await f.store.createAlias('sales@colibri.test', f.alice.accountId);
    const identity = await f.store.createIdentity(f.alice.accountId, { email: 'sales@colibri.test' });
    await f.store.deleteAlias('sales@colibri.test');
    const email = await importDraft(f, { From: 'sales@colibri.test' });
    const result = await set({ create: { c: { identityId: identity.id, emailId: email.id } } });
    expect(result.notCreated).toMatchObject({ c: { type: 'forbiddenToSend' } });
  });

  it('is invalidArguments for a malformed call, and accountNotFound for another account', async () => {
    const bad = await callSubmission(f, [
      ['EmailSubmission/set', { accountId: f.alice.accountId, create: [] }, 'a'],
      ['EmailSubmission/set', { accountId: f.bob.accountId, destroy: [] }, 'b'],
    ]);
    expect(bad.methodResponses[0]).toMatchObject(['error', { type: 'invalidArguments' }, 'a']);
    expect(bad.methodResponses[1]).toMatchObject(['error', { type: 'accountNotFound' }, 'b']);
  });

  it('is unknownMethod without the submission capability in using (RFC 8620 §3.3)', async () => {
    const response = await f.call([['EmailSubmission/get', { accountId: f.alice.accountId }, 'g']]);
    expect(response.methodResponses[0]).toMatchObject(['error', { type: 'unknownMethod' }, 'g']);
  });

  it('is stateMismatch when ifInState is not the current state (RFC 8620 §5.3)', async () => {
    const result = await callSubmission(f, [
      ['EmailSubmission/set', { accountId: f.alice.accountId, ifInState: 'nope', destroy: [] }, 's'],
    ]);
    expect(result.methodResponses[0]).toMatchObject(['error', { type: 'stateMismatch' }, 's']);
  });
});
