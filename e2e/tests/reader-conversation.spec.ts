import { randomBytes } from 'node:crypto';
import type { Email } from '@colibri/jmap-types';
import { expect, test } from '../support/colibri.js';
import { deliver, freshUser, logIn } from '../support/reader-journeys.js';

// Issue 5, "read a conversation": a thread of three messages that spans the Inbox and Sent (the
// user's own reply), the newest delivered over real SMTP. The reader shows all three in order,
// folds the older ones, folds the newest one's quote, and opens the others on demand.

/** RFC 8621 §4.6 creation: body parts and values are given in part, as the RFC allows. */
const asEmail = (email: Record<string, unknown>) => email as Partial<Email>;

test('read a conversation: every message in order, older ones folded, quote folded', async ({
  page,
  colibri,
}) => {
  // A fresh user (a CLI run), deliveries over SMTP and many steps: more than the default 30 s.
  test.setTimeout(90_000);
  const user = await freshUser();
  const { accountId, byRole } = user;
  const token = randomBytes(4).toString('hex');
  const subject = `Trip to Lisbon ${token}`;
  const hour = 3_600_000;

  const ann = { name: 'Ann Traveller', email: 'ann@travel.example' };
  const me = { name: null, email: user.email };
  /** A message of the thread's past, made over JMAP (RFC 8621 §4.6) with a fixed date. */
  const past = async (message: {
    mailbox: string;
    from: object;
    to: object;
    subject: string;
    messageId: string;
    inReplyTo?: string;
    hoursAgo: number;
    text: string;
  }) => {
    const result = await user.client.call('Email/set', {
      accountId,
      create: {
        k: asEmail({
          mailboxIds: { [byRole[message.mailbox]!]: true },
          keywords: { $seen: true },
          from: [message.from],
          to: [message.to],
          subject: message.subject,
          messageId: [message.messageId],
          ...(message.inReplyTo ? { inReplyTo: [message.inReplyTo], references: [message.inReplyTo] } : {}),
          receivedAt: new Date(Date.now() - message.hoursAgo * hour).toISOString().replace(/\.\d+Z$/, 'Z'),
          bodyValues: { t: { value: message.text } },
          textBody: [{ partId: 't', type: 'text/plain' }],
        }),
      },
    });
    expect(result.created?.k?.id, JSON.stringify(result.notCreated)).toBeTruthy();
  };

  // The first message and the user's reply are history, with fixed dates, so the order does not
  // depend on how fast this test runs. The reply lives in Sent only. A later reply was deleted:
  // it stays in the thread, but a conversation opened from the Inbox leaves it out (and says so).
  const m1 = `m1-${token}@travel.example`;
  await past({
    mailbox: 'inbox',
    from: ann,
    to: me,
    subject,
    messageId: m1,
    hoursAgo: 2,
    text: 'Shall we book the flights for May? Tickets are cheap now.',
  });
  await past({
    mailbox: 'sent',
    from: me,
    to: ann,
    subject: `Re: ${subject}`,
    messageId: `m2-${token}@colibri.test`,
    inReplyTo: m1,
    hoursAgo: 1,
    text: 'Yes, let us book them this week.',
  });
  await past({
    mailbox: 'trash',
    from: ann,
    to: me,
    subject: `Re: ${subject}`,
    messageId: `m2b-${token}@travel.example`,
    inReplyTo: m1,
    hoursAgo: 0.5,
    text: 'Deleted draft of an idea.',
  });

  await deliver(colibri.smtpPort, {
    from: '"Ann Traveller" <ann@travel.example>',
    to: user.email,
    subject: `Re: ${subject}`,
    messageId: `<m3-${token}@travel.example>`,
    inReplyTo: `<m2-${token}@colibri.test>`,
    references: [`<m1-${token}@travel.example>`, `<m2-${token}@colibri.test>`],
    text: [
      'Booked! Flight TP1234 leaves at 9:05.',
      '',
      `On Mon, 1 Jun 2026, ${user.email} wrote:`,
      '> Yes, let us book them this week.',
      '',
    ].join('\n'),
  });
  // Delivery is asynchronous: wait for the newest message by its Message-ID.
  let newestId: string | undefined;
  await expect
    .poll(async () => {
      const { list } = await user.client.call('Email/get', {
        accountId,
        ids: null,
        properties: ['id', 'messageId'],
      });
      newestId = list.find((email) => email.messageId?.[0] === `m3-${token}@travel.example`)?.id;
      return newestId;
    })
    .toBeTruthy();
  expect(newestId).toBeTruthy();

  await logIn(page, user);
  await page.goto(`/mail/${byRole.inbox}/${newestId}`);
  const conversation = page.getByRole('region', { name: 'Conversation' });

  await test.step("the three messages are there, oldest first, with the user's reply from Sent", async () => {
    await expect(conversation.getByRole('heading', { level: 2 })).toHaveText(subject);
    await expect(conversation.getByText('3 messages', { exact: true })).toBeVisible();
    await expect(conversation.getByText(/^1 message in Trash or Junk not shown/)).toBeVisible();
    await expect(conversation).not.toContainText('Deleted draft of an idea.');
    const messages = conversation.getByRole('article');
    await expect(messages).toHaveCount(3);
    await expect(messages.nth(0)).toHaveAccessibleName(/^Message from Ann Traveller/);
    await expect(messages.nth(1)).toHaveAccessibleName(new RegExp(`^Message from ${user.email}`));
    await expect(messages.nth(2)).toHaveAccessibleName(/^Message from Ann Traveller/);
  });

  await test.step('the older messages are folded to a summary, the newest is open', async () => {
    const messages = conversation.getByRole('article');
    await expect(messages.nth(0).getByRole('button', { expanded: false })).toContainText(
      'Shall we book the flights',
    );
    await expect(messages.nth(1).getByRole('button', { expanded: false })).toBeVisible();
    await expect(messages.nth(2)).toContainText('Booked! Flight TP1234 leaves at 9:05.');
  });

  await test.step('the quote in the newest message is folded until asked for', async () => {
    const newest = conversation.getByRole('article').nth(2);
    await expect(newest).not.toContainText('> Yes, let us book them this week.');
    await expect(newest).not.toContainText('wrote:');
    await newest.getByRole('button', { name: 'Show quoted text' }).click();
    await expect(newest).toContainText('> Yes, let us book them this week.');
    await newest.getByRole('button', { name: 'Hide quoted text' }).click();
    await expect(newest).not.toContainText('> Yes, let us book them this week.');
  });

  await test.step('a folded message opens on click, and folds again', async () => {
    const oldest = conversation.getByRole('article').nth(0);
    await oldest.getByRole('button', { expanded: false }).click();
    await expect(oldest).toContainText('Tickets are cheap now.');
    await expect(oldest.getByRole('button', { expanded: true })).toBeVisible();
    const reply = conversation.getByRole('article').nth(1);
    await reply.getByRole('button', { expanded: false }).click();
    await expect(reply).toContainText('Yes, let us book them this week.');
    await oldest.getByRole('button', { expanded: true }).click();
    await expect(oldest.getByRole('button', { expanded: false })).toBeVisible();
  });

  await test.step('reading the newest message marked it seen on the server', async () => {
    await expect
      .poll(async () => {
        const { list } = await user.client.call('Email/get', {
          accountId,
          ids: [newestId!],
          properties: ['keywords'],
        });
        return list[0]?.keywords?.$seen === true;
      })
      .toBe(true);
  });
});
