import { describe, expect, it } from 'vitest';
import type { EmailId, MailboxId } from '../model.js';
import { rawMessage, useFixture, type MailStoreFactory } from './fixture.js';

const report = rawMessage(
  {
    From: '"Bob Martin" <bob@example.test>',
    Sender: 'secretary@example.test',
    To: 'alice@example.test, Carol <carol@example.test>',
    Cc: 'dave@example.test',
    Bcc: 'erin@example.test',
    'Reply-To': '<replies@example.test>',
    Subject: 'Quarterly report',
    Date: 'Tue, 03 Nov 2026 10:00:00 +0100',
    'Message-ID': '<report-2@example.test>',
    'In-Reply-To': '<report-1@example.test>',
    References: '<report-0@example.test> <report-1@example.test>',
    'Content-Type': 'multipart/mixed; boundary="outer"',
  },
  [
    '--outer',
    'Content-Type: multipart/alternative; boundary="alt"',
    '',
    '--alt',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'The report is attached.',
    '--alt',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p>The <b>report</b> is attached.</p>',
    '--alt--',
    '--outer',
    'Content-Type: application/pdf; name="report.pdf"',
    'Content-Disposition: attachment; filename="report.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('%PDF-1.4 fake').toString('base64'),
    '--outer--',
    '',
  ].join('\n'),
);

export function describeImport(factory: MailStoreFactory): void {
  describe('import and get', () => {
    const f = useFixture(factory);

    it('returns every imported field unchanged from getEmails', async () => {
      const { store, account, inbox } = f();
      const work = await store.createMailbox(account.id, { name: 'Work' });
      const receivedAt = new Date(Date.UTC(2026, 10, 3, 9, 30));
      const email = await store.importMessage(account.id, {
        raw: report,
        mailboxIds: [inbox.id, work.id],
        keywords: ['$Flagged', 'project'],
        receivedAt,
      });
      expect(email).toMatchObject({
        accountId: account.id,
        size: report.byteLength,
        receivedAt,
        subject: 'Quarterly report',
        from: [{ name: 'Bob Martin', email: 'bob@example.test' }],
        sender: [{ name: null, email: 'secretary@example.test' }],
        to: [
          { name: null, email: 'alice@example.test' },
          { name: 'Carol', email: 'carol@example.test' },
        ],
        cc: [{ name: null, email: 'dave@example.test' }],
        bcc: [{ name: null, email: 'erin@example.test' }],
        replyTo: [{ name: null, email: 'replies@example.test' }],
        messageId: ['report-2@example.test'],
        inReplyTo: ['report-1@example.test'],
        references: ['report-0@example.test', 'report-1@example.test'],
        sentAt: new Date('2026-11-03T09:00:00.000Z'),
        hasAttachment: true,
        preview: 'The report is attached.',
      });
      expect([...email.mailboxIds].sort()).toEqual([inbox.id, work.id].sort());
      expect([...email.keywords].sort()).toEqual(['$flagged', 'project']);
      expect(email.bodyStructure).toMatchObject({ type: 'multipart/mixed', partId: null });
      expect(email.textBody.map((p) => p.type)).toEqual(['text/plain']);
      expect(email.htmlBody.map((p) => p.type)).toEqual(['text/html']);
      expect(email.attachments.map((p) => [p.type, p.name])).toEqual([['application/pdf', 'report.pdf']]);
      const pdf = await store.readBlob(account.id, email.attachments[0]!.blobId!);
      expect(new TextDecoder().decode(pdf!)).toBe('%PDF-1.4 fake');

      const [got, ...rest] = await store.getEmails(account.id, [email.id]);
      expect(rest).toEqual([]);
      expect({
        ...got,
        mailboxIds: [...got!.mailboxIds].sort(),
        keywords: [...got!.keywords].sort(),
      }).toEqual({
        ...email,
        mailboxIds: [...email.mailboxIds].sort(),
        keywords: [...email.keywords].sort(),
      });

      // A summary is the same record without its MIME structure.
      const [summary] = await store.getEmailSummaries(account.id, [email.id]);
      const { bodyStructure: _s, textBody: _t, htmlBody: _h, attachments: _a, ...rest2 } = got!;
      expect(summary).toEqual(rest2);
    });

    it('skips unknown ids and other accounts’ emails in getEmails and getEmailSummaries', async () => {
      const { store, account, importMail, addAccount } = f();
      const a = await importMail({ Subject: 'a' });
      const b = await importMail({ Subject: 'b' });
      const got = await store.getEmails(account.id, [b.id, 'Eunknown000000000' as EmailId, a.id]);
      expect(got.map((e) => e.id).sort()).toEqual([a.id, b.id].sort());
      const bob = await addAccount('bob');
      expect(await store.getEmails(bob.account.id, [a.id, b.id])).toEqual([]);
      const summaries = await store.getEmailSummaries(account.id, [
        b.id,
        'Eunknown000000000' as EmailId,
        a.id,
      ]);
      expect(summaries.map((e) => e.id)).toEqual([b.id, a.id]);
      expect(await store.getEmailSummaries(bob.account.id, [a.id, b.id])).toEqual([]);
    });

    it('refuses unknown mailboxes, no mailbox and bad keywords without storing anything', async () => {
      const { store, account, inbox, addAccount } = f();
      const raw = rawMessage({ Subject: 'x' }, 'x');
      const bob = await addAccount('bob');
      for (const mailboxIds of [['Munknown000000000' as MailboxId], [bob.inbox.id], []]) {
        await expect(store.importMessage(account.id, { raw, mailboxIds })).rejects.toMatchObject({
          code: mailboxIds.length === 0 ? 'invalid' : 'notFound',
        });
      }
      await expect(
        store.importMessage(account.id, { raw, mailboxIds: [inbox.id], keywords: ['bad keyword'] }),
      ).rejects.toMatchObject({ code: 'invalid' });
      expect((await store.queryEmails(account.id, {})).total).toBe(0);
      expect((await store.queryEmails(bob.account.id, {})).total).toBe(0);
    });
  });
}
