import { describe, expect, it } from 'vitest';
import { newMailNotice } from './new-mail-notice';
import type { NewMailCandidate } from './new-mail-notice';

const strings = {
  one: (sender: string) => `New message from ${sender}`,
  many: (count: number) => `${count} new messages`,
  manyBody: (senders: string) => `From ${senders}`,
  noSubject: '(no subject)',
  unknownSender: '(unknown sender)',
};

const email = (id: string, from: string, extra: Partial<NewMailCandidate> = {}): NewMailCandidate => ({
  id,
  from: [{ name: from, email: `${from.toLowerCase()}@example.org` }],
  subject: `Subject ${id}`,
  mailboxIds: { inbox: true },
  keywords: {},
  ...extra,
});

describe('newMailNotice', () => {
  it('names the sender and subject of one new Inbox message, and opens it', () => {
    expect(newMailNotice([email('e1', 'Dana')], 'inbox', strings)).toEqual({
      title: 'New message from Dana',
      body: 'Subject e1',
      emailId: 'e1',
    });
  });

  it('groups several into one notice that names at most three senders once each', () => {
    const notice = newMailNotice(
      [email('e1', 'Dana'), email('e2', 'Dana'), email('e3', 'Eve'), email('e4', 'Fay'), email('e5', 'Gus')],
      'inbox',
      strings,
    );
    expect(notice).toEqual({ title: '5 new messages', body: 'From Dana, Eve, Fay…', emailId: null });
  });

  it('says nothing of mail outside the Inbox, already read, or drafts', () => {
    const notice = newMailNotice(
      [
        email('sent', 'Me', { mailboxIds: { sent: true } }),
        email('read', 'Dana', { keywords: { $seen: true } }),
        email('draft', 'Me', { keywords: { $draft: true } }),
      ],
      'inbox',
      strings,
    );
    expect(notice).toBeNull();
  });

  it('falls back to placeholders for a message without sender or subject', () => {
    expect(newMailNotice([email('e1', 'x', { from: null, subject: '  ' })], 'inbox', strings)).toMatchObject({
      title: 'New message from (unknown sender)',
      body: '(no subject)',
    });
  });
});
