import { randomBytes } from 'node:crypto';
import { ref } from '@colibri/jmap-client';
import type { JmapClient } from '@colibri/jmap-client';
import { Keyword } from '@colibri/jmap-types';
import type { Id } from '@colibri/jmap-types';
import { expect, test } from '../support/colibri.js';
import { sendMail } from '../support/smtp.js';

// Delivery over real SMTP into bob's account, which no other spec changes; the tests of this file
// run one after the other, so the Inbox counts they compare are theirs alone.

async function bobsInbox(
  client: JmapClient,
): Promise<{ accountId: Id; inboxId: Id; totalEmails: number; unreadEmails: number }> {
  const accountId = await client.primaryAccountId();
  const { list } = await client.call('Mailbox/get', {
    accountId,
    ids: null,
    properties: ['id', 'role', 'totalEmails', 'unreadEmails'],
  });
  const inbox = list.find((mailbox) => mailbox.role === 'inbox');
  if (!inbox?.id) throw new Error('bob has no Inbox.');
  return {
    accountId,
    inboxId: inbox.id,
    totalEmails: inbox.totalEmails ?? 0,
    unreadEmails: inbox.unreadEmails ?? 0,
  };
}

/** The id of the Inbox message with this subject among the newest, or null (RFC 8621 §4.4). */
async function findBySubject(
  client: JmapClient,
  accountId: Id,
  inboxId: Id,
  subject: string,
): Promise<Id | null> {
  const { emails } = await client.request((b) => {
    const query = b.call('Email/query', {
      accountId,
      filter: { inMailbox: inboxId },
      sort: [{ property: 'receivedAt', isAscending: false }],
      limit: 20,
    });
    return { emails: b.call('Email/get', { accountId, ids: ref(query, '/ids'), properties: ['subject'] }) };
  });
  return emails.list.find((email) => email.subject === subject)?.id ?? null;
}

test.describe.configure({ mode: 'serial' });

test('RFC 5321 §4.1, RFC 8621 §4: a message sent over SMTP to bob appears unread in his Inbox', async ({
  colibri,
  jmapAs,
}) => {
  const client = jmapAs(colibri.users.bob);
  const before = await bobsInbox(client);
  const token = randomBytes(6).toString('hex');
  const subject = `Delivery check ${token}`;
  const messageId = `<${token}@example.net>`;

  const reply = await sendMail(colibri.smtpPort, {
    from: 'Dora External <dora@example.net>',
    to: colibri.users.bob,
    subject,
    text: `Hello Bob,\n\nthis travelled over SMTP (${token}).\n\nDora`,
    messageId,
  });
  expect(reply).toMatch(/^250\b/);

  // Delivery may complete just after the 250 reply: wait for it, bounded.
  await expect
    .poll(() => findBySubject(client, before.accountId, before.inboxId, subject), {
      timeout: 10_000,
      message: 'the message never reached the Inbox',
    })
    .not.toBeNull();
  const id = await findBySubject(client, before.accountId, before.inboxId, subject);
  if (id === null) throw new Error('unreachable: the poll above found it');

  const { list } = await client.call('Email/get', {
    accountId: before.accountId,
    ids: [id],
    properties: ['from', 'to', 'subject', 'messageId', 'keywords', 'mailboxIds', 'textBody', 'bodyValues'],
    fetchTextBodyValues: true,
  });
  const email = list[0];
  expect(email?.from).toEqual([{ name: 'Dora External', email: 'dora@example.net' }]);
  expect(email?.to?.map((address) => address.email)).toEqual([colibri.users.bob]);
  expect(email?.messageId).toEqual([messageId.slice(1, -1)]);
  expect(email?.mailboxIds).toEqual({ [before.inboxId]: true });
  expect(email?.keywords?.[Keyword.Seen]).toBeFalsy();
  const partId = email?.textBody?.[0]?.partId ?? '';
  expect(email?.bodyValues?.[partId]?.value).toContain(`this travelled over SMTP (${token})`);

  // RFC 8621 §2: the counts follow the delivery.
  const after = await bobsInbox(client);
  expect(after.totalEmails).toBe(before.totalEmails + 1);
  expect(after.unreadEmails).toBe(before.unreadEmails + 1);
});

test('RFC 5321 §3.3: mail for an unknown local recipient is refused with a 5xx reply', async ({
  colibri,
}) => {
  const attempt = sendMail(colibri.smtpPort, {
    from: 'dora@example.net',
    to: 'nobody@colibri.test',
    subject: 'Lost',
    text: 'Nobody lives here.',
  });
  await expect(attempt).rejects.toMatchObject({ responseCode: expect.any(Number) });
  const error = (await attempt.catch((e: unknown) => e)) as { responseCode?: number };
  expect(error.responseCode).toBeGreaterThanOrEqual(500);
});
