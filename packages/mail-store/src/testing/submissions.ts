import { describe, expect, it } from 'vitest';
import { CannotUnsendError, InvalidInputError, NotFoundError } from '../errors.js';
import type { EmailSubmissionId } from '../model.js';
import { rawMessage, useFixture, type MailStoreFactory } from './fixture.js';

const minute = 60_000;
const day = 24 * 60 * minute;

export function describeSubmissions(factory: MailStoreFactory): void {
  describe('email submissions (RFC 8621 §7) and their delivery queue', () => {
    const f = useFixture(factory);

    it('queues an email for each recipient, due at once, with the change logged', async () => {
      const { store, account, importMail } = f();
      const email = await importMail({ Subject: 'hello' });
      const before = await store.getState(account.id, 'EmailSubmission');
      const now = new Date();
      const submission = await store.createSubmission(account.id, {
        identityId: 'I1',
        emailId: email.id,
        envelope: {
          mailFrom: 'alice@example.test',
          rcptTo: ['bob@remote.test', 'Bob@Remote.test', 'carol@x.test'],
        },
        now,
      });
      expect(submission).toMatchObject({
        accountId: account.id,
        identityId: 'I1',
        emailId: email.id,
        blobId: email.blobId,
        undoStatus: 'final',
        // Duplicate recipients (case-insensitive) get one copy.
        envelope: { mailFrom: 'alice@example.test', rcptTo: ['bob@remote.test', 'carol@x.test'] },
      });
      expect(submission.recipients[0]).toEqual({
        email: 'bob@remote.test',
        smtpReply: null,
        delivered: 'queued',
        displayed: 'unknown',
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
      });
      const changes = await store.getChanges(account.id, 'EmailSubmission', before);
      expect(changes.created).toEqual([submission.id]);
      const due = await store.dueDeliveries(now, 10);
      expect(due.map((d) => d.rcptTo)).toEqual(['bob@remote.test', 'carol@x.test']);
      expect(due[0]).toMatchObject({
        submissionId: submission.id,
        accountId: account.id,
        mailFrom: 'alice@example.test',
      });
      expect(await store.getSubmissions(account.id)).toEqual([submission]);
    });

    it('keeps a queued message’s bytes while it has deliveries to make, then lets GC take them', async () => {
      const { store, account, importMail } = f();
      const email = await importMail({ Subject: 'keep me' }, { body: 'the bytes to send' });
      const submission = await store.createSubmission(account.id, {
        emailId: email.id,
        envelope: { mailFrom: 'alice@example.test', rcptTo: ['bob@remote.test', 'carol@remote.test'] },
      });
      await store.destroyEmails(account.id, [email.id]);
      // Long after the idle period: the destroyed email's blob is queued, but the queue still needs it.
      const later = { now: new Date(Date.now() + 2 * 60 * minute) };
      await store.collectGarbage(later);
      const bytes = await store.readSubmissionMessage(submission.id);
      expect(new TextDecoder().decode(bytes!)).toContain('the bytes to send');
      await store.recordDeliveryAttempt(submission.id, 'bob@remote.test', {
        outcome: 'delivered',
        smtpReply: '250 2.0.0 OK',
      });
      await store.collectGarbage(later);
      expect(await store.readSubmissionMessage(submission.id)).not.toBeNull(); // carol still to go
      await store.recordDeliveryAttempt(submission.id, 'carol@remote.test', {
        outcome: 'permanent',
        smtpReply: '550 5.1.1 No such user',
      });
      expect((await store.collectGarbage(later)).removedBlobs).toBe(1);
      expect(await store.readSubmissionMessage(submission.id)).toBeNull();
      expect((await store.collectGarbage(later)).removedBlobs).toBe(0);
    });

    it('deletes a submission 30 days after it is done (RFC 8621 §7), never one still sending', async () => {
      const { store, account, importMail } = f();
      const email = await importMail({ Subject: 'sent long ago' }, { body: 'old news' });
      const now = new Date();
      const done = await store.createSubmission(account.id, {
        emailId: email.id,
        envelope: { mailFrom: 'alice@example.test', rcptTo: ['bob@remote.test'] },
        now,
      });
      const sending = await store.createSubmission(account.id, {
        emailId: email.id,
        envelope: { mailFrom: 'alice@example.test', rcptTo: ['carol@remote.test'] },
        now,
      });
      await store.recordDeliveryAttempt(done.id, 'bob@remote.test', {
        outcome: 'delivered',
        smtpReply: '250 2.0.0 OK',
      });
      const state = await store.getState(account.id, 'EmailSubmission');
      const at = (days: number) => ({ now: new Date(now.getTime() + days * 24 * 60 * minute) });
      expect((await store.collectGarbage(at(29))).prunedSubmissions).toBe(0);
      expect((await store.collectGarbage(at(31))).prunedSubmissions).toBe(1);
      expect((await store.getSubmissions(account.id)).map((s) => s.id)).toEqual([sending.id]);
      expect((await store.getChanges(account.id, 'EmailSubmission', state)).destroyed).toEqual([done.id]);
      // The sent email keeps its bytes: only the submission went.
      expect(await store.readBlob(account.id, email.blobId)).not.toBeNull();
    });

    it('lets GC take the bytes of a canceled submission whose email is gone', async () => {
      const { store, account, importMail } = f();
      const email = await importMail({ Subject: 'undo' }, { body: 'never sent' });
      const now = new Date();
      const held = await store.createSubmission(account.id, {
        emailId: email.id,
        envelope: { mailFrom: 'alice@example.test', rcptTo: ['bob@remote.test'] },
        sendAt: new Date(now.getTime() + 10 * minute),
        now,
      });
      await store.destroyEmails(account.id, [email.id]);
      const later = { now: new Date(Date.now() + 2 * 60 * minute) };
      await store.collectGarbage(later);
      expect(await store.readSubmissionMessage(held.id)).not.toBeNull(); // held: still to send
      await store.cancelSubmission(account.id, held.id, now);
      expect((await store.collectGarbage(later)).removedBlobs).toBe(1);
      expect(await store.readSubmissionMessage(held.id)).toBeNull();
    });

    it('queues a system message (no email, no identity) with a null reverse-path', async () => {
      const { store, account } = f();
      const raw = rawMessage({ Subject: 'bounce' }, 'report');
      const submission = await store.createSubmission(account.id, {
        raw,
        envelope: { mailFrom: '', rcptTo: ['sender@remote.test'] },
      });
      expect(submission).toMatchObject({ identityId: null, emailId: null, envelope: { mailFrom: '' } });
      expect(await store.readSubmissionMessage(submission.id)).toEqual(new Uint8Array(raw));
    });

    it('refuses bad envelopes, unknown emails and a sendAt beyond maxDelayedSend', async () => {
      const { store, account, importMail } = f();
      const raw = rawMessage({ Subject: 'x' }, 'x');
      const envelope = { mailFrom: 'alice@example.test', rcptTo: ['bob@remote.test'] };
      await expect(
        store.createSubmission(account.id, { raw, envelope: { ...envelope, rcptTo: [] } }),
      ).rejects.toBeInstanceOf(InvalidInputError);
      await expect(
        store.createSubmission(account.id, { raw, envelope: { ...envelope, rcptTo: ['not an address'] } }),
      ).rejects.toBeInstanceOf(InvalidInputError);
      await expect(
        store.createSubmission(account.id, { raw, envelope: { ...envelope, mailFrom: 'a@b\r\nX: y' } }),
      ).rejects.toBeInstanceOf(InvalidInputError);
      const many = Array.from({ length: 101 }, (_, i) => `r${i}@remote.test`);
      await expect(
        store.createSubmission(account.id, { raw, envelope: { ...envelope, rcptTo: many } }),
      ).rejects.toBeInstanceOf(InvalidInputError);
      const now = new Date();
      await expect(
        store.createSubmission(account.id, {
          raw,
          envelope,
          now,
          sendAt: new Date(now.getTime() + 31 * day),
        }),
      ).rejects.toBeInstanceOf(InvalidInputError);
      const email = await importMail({ Subject: 'gone' });
      await store.destroyEmails(account.id, [email.id]);
      await expect(
        store.createSubmission(account.id, { emailId: email.id, envelope }),
      ).rejects.toBeInstanceOf(NotFoundError);
      expect(await store.getSubmissions(account.id)).toEqual([]);
    });

    it('holds a future sendAt (pending, not due), lets it be canceled, and never hands it out', async () => {
      const { store, account } = f();
      const now = new Date();
      const sendAt = new Date(now.getTime() + 10 * minute);
      const held = await store.createSubmission(account.id, {
        raw: rawMessage({ Subject: 'later' }, 'x'),
        envelope: { mailFrom: 'alice@example.test', rcptTo: ['bob@remote.test'] },
        sendAt,
        now,
      });
      expect(held.undoStatus).toBe('pending');
      expect(await store.dueDeliveries(now, 10)).toEqual([]);
      await store.cancelSubmission(account.id, held.id, now);
      const [canceled] = await store.getSubmissions(account.id, [held.id]);
      expect(canceled).toMatchObject({ undoStatus: 'canceled', recipients: [{ nextAttemptAt: null }] });
      expect(await store.dueDeliveries(new Date(sendAt.getTime() + minute), 10)).toEqual([]);
      await expect(store.cancelSubmission(account.id, held.id, now)).rejects.toBeInstanceOf(
        CannotUnsendError,
      );
    });

    it('says when the next delivery is due: a held one’s sendAt, none once canceled', async () => {
      const { store, account } = f();
      const now = new Date();
      expect(await store.nextDeliveryDue()).toBeNull();
      const sendAt = new Date(now.getTime() + 10 * minute);
      const held = await store.createSubmission(account.id, {
        raw: rawMessage({ Subject: 'later' }, 'x'),
        envelope: { mailFrom: 'alice@example.test', rcptTo: ['bob@remote.test'] },
        sendAt,
        now,
      });
      expect(await store.nextDeliveryDue()).toEqual(sendAt);
      await store.cancelSubmission(account.id, held.id, now);
      expect(await store.nextDeliveryDue()).toBeNull();
    });

    it('makes a held submission final at its sendAt; then it can no longer be canceled', async () => {
      const { store, account } = f();
      const now = new Date();
      const sendAt = new Date(now.getTime() + 10 * minute);
      const held = await store.createSubmission(account.id, {
        raw: rawMessage({ Subject: 'later' }, 'x'),
        envelope: { mailFrom: 'alice@example.test', rcptTo: ['bob@remote.test'] },
        sendAt,
        now,
      });
      expect(await store.nextDeliveryDue()).toEqual(sendAt);
      const state = await store.getState(account.id, 'EmailSubmission');
      const due = await store.dueDeliveries(sendAt, 10);
      expect(due.map((d) => d.submissionId)).toEqual([held.id]);
      expect((await store.getSubmissions(account.id, [held.id]))[0]!.undoStatus).toBe('final');
      expect((await store.getChanges(account.id, 'EmailSubmission', state)).updated).toEqual([held.id]);
      await expect(store.cancelSubmission(account.id, held.id, sendAt)).rejects.toMatchObject({
        code: 'cannotUnsend',
      });
      await expect(
        store.cancelSubmission(account.id, 'Sxxxxxxxxxxxxxxxx' as EmailSubmissionId),
      ).rejects.toBeInstanceOf(NotFoundError);
    });

    it('records attempts: temporary failures retry later, success and permanent failure are final', async () => {
      const { store, account } = f();
      const now = new Date();
      const submission = await store.createSubmission(account.id, {
        raw: rawMessage({ Subject: 'x' }, 'x'),
        envelope: { mailFrom: 'alice@example.test', rcptTo: ['ok@remote.test', 'no@remote.test'] },
        now,
      });
      const retryAt = new Date(now.getTime() + minute);
      await store.recordDeliveryAttempt(submission.id, 'ok@remote.test', {
        outcome: 'temporary',
        smtpReply: '451 4.3.0 Try again later',
        nextAttemptAt: retryAt,
      });
      await store.recordDeliveryAttempt(submission.id, 'no@remote.test', {
        outcome: 'permanent',
        smtpReply: '550 5.1.1 No such user',
      });
      expect((await store.dueDeliveries(now, 10)).map((d) => d.rcptTo)).toEqual([]);
      const due = await store.dueDeliveries(retryAt, 10);
      expect(due).toMatchObject([{ rcptTo: 'ok@remote.test', attempts: 1 }]);
      await store.recordDeliveryAttempt(submission.id, 'ok@remote.test', {
        outcome: 'delivered',
        smtpReply: '250 2.0.0 OK',
      });
      const [after] = await store.getSubmissions(account.id, [submission.id]);
      expect(after!.recipients).toMatchObject([
        {
          email: 'ok@remote.test',
          delivered: 'yes',
          smtpReply: '250 2.0.0 OK',
          attempts: 2,
          nextAttemptAt: null,
          lastError: null,
        },
        {
          email: 'no@remote.test',
          delivered: 'no',
          smtpReply: '550 5.1.1 No such user',
          attempts: 1,
          nextAttemptAt: null,
          lastError: '550 5.1.1 No such user',
        },
      ]);
      expect(await store.dueDeliveries(new Date(now.getTime() + day), 10)).toEqual([]);
    });

    it('keeps submissions per account', async () => {
      const { store, account, addAccount } = f();
      const bob = await addAccount('bob');
      const mine = await store.createSubmission(account.id, {
        raw: rawMessage({ Subject: 'x' }, 'x'),
        envelope: { mailFrom: 'alice@example.test', rcptTo: ['z@remote.test'] },
      });
      expect(await store.getSubmissions(bob.account.id)).toEqual([]);
      expect(await store.getSubmissions(bob.account.id, [mine.id])).toEqual([]);
      await expect(store.cancelSubmission(bob.account.id, mine.id)).rejects.toBeInstanceOf(NotFoundError);
    });

    it('keeps the email’s thread, and sends given bytes for an email (its Bcc removed)', async () => {
      const { store, account, importMail } = f();
      const email = await importMail({ Subject: 'with bcc' }, { body: 'body' });
      const raw = rawMessage({ Subject: 'as sent' }, 'body');
      const submission = await store.createSubmission(account.id, {
        emailId: email.id,
        raw,
        envelope: { mailFrom: 'alice@example.test', rcptTo: ['bob@remote.test'] },
      });
      expect(submission).toMatchObject({ emailId: email.id, threadId: email.threadId });
      expect(submission.blobId).not.toBe(email.blobId);
      expect(await store.readSubmissionMessage(submission.id)).toEqual(raw);
      await store.destroyEmails(account.id, [email.id]);
      expect((await store.getSubmissions(account.id, [submission.id]))[0]?.threadId).toBe(email.threadId);
    });

    it('destroys a done submission at once, and hides one in flight from its owner only', async () => {
      const { store, account, importMail } = f();
      const email = await importMail({ Subject: 'destroy' }, { body: 'body' });
      const envelope = { mailFrom: 'alice@example.test', rcptTo: ['bob@remote.test'] };
      const now = new Date();
      const done = await store.createSubmission(account.id, { emailId: email.id, envelope, now });
      await store.recordDeliveryAttempt(done.id, 'bob@remote.test', {
        outcome: 'delivered',
        smtpReply: '250 OK',
      });
      const inFlight = await store.createSubmission(account.id, { emailId: email.id, envelope, now });
      const state = await store.getState(account.id, 'EmailSubmission');
      await store.destroySubmission(account.id, done.id);
      await store.destroySubmission(account.id, inFlight.id);
      expect(await store.getSubmissions(account.id)).toEqual([]);
      expect((await store.getChanges(account.id, 'EmailSubmission', state)).destroyed).toEqual([
        done.id,
        inFlight.id,
      ]);
      await expect(store.destroySubmission(account.id, inFlight.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.cancelSubmission(account.id, inFlight.id, now)).rejects.toBeInstanceOf(
        NotFoundError,
      );
      // The queue still delivers it, silently for the owner's change log.
      expect((await store.dueDeliveries(now, 10)).map((d) => d.submissionId)).toEqual([inFlight.id]);
      const after = await store.getState(account.id, 'EmailSubmission');
      await store.recordDeliveryAttempt(inFlight.id, 'bob@remote.test', {
        outcome: 'delivered',
        smtpReply: '250 OK',
      });
      expect(await store.getState(account.id, 'EmailSubmission')).toBe(after);
      // Once done, the next collection deletes it without waiting for the retention period.
      expect((await store.collectGarbage({ now })).prunedSubmissions).toBe(1);
      expect(await store.getState(account.id, 'EmailSubmission')).toBe(after);
      // The email stays.
      expect(await store.getEmails(account.id, [email.id])).toHaveLength(1);
    });

    it('makes one DKIM key per local domain, stable, and none for a foreign domain', async () => {
      const { store } = f();
      const key = await store.dkimKey('Example.test');
      expect(key).toMatchObject({ domain: 'example.test', selector: 'colibri' });
      expect(key.privateKeyPem).toContain('BEGIN PRIVATE KEY');
      expect(await store.dkimKey('example.test')).toEqual(key);
      await expect(store.dkimKey('elsewhere.test')).rejects.toBeInstanceOf(NotFoundError);
    });
  });
}
