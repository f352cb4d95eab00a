import { Keyword } from '@colibri/jmap-types';
import type { Email, Id } from '@colibri/jmap-types';
import { senderName } from './format';

export type NewMailCandidate = Pick<Email, 'id' | 'from' | 'subject' | 'mailboxIds' | 'keywords'>;

export interface NewMailStrings {
  one: (sender: string) => string;
  many: (count: number) => string;
  manyBody: (senders: string) => string;
  noSubject: string;
  unknownSender: string;
}

export interface NewMailNotice {
  title: string;
  body: string;
  /** The message to open on click, or null when several arrived (then the Inbox opens). */
  emailId: Id | null;
}

/** At most this many senders are named in a grouped notice ("From A, B, C…"). */
const MAX_SENDERS_NAMED = 3;

/**
 * The one notice for a push event (issue 5): the new emails created since the last state that are
 * in the Inbox, unread and not drafts (mail the user sent or already read is not news); one
 * message gives its sender and subject, several are grouped. Null when nothing is new.
 */
export function newMailNotice(
  created: readonly NewMailCandidate[],
  inboxId: Id,
  strings: NewMailStrings,
): NewMailNotice | null {
  const fresh = created.filter(
    (email) =>
      email.mailboxIds?.[inboxId] === true &&
      email.keywords?.[Keyword.Seen] !== true &&
      email.keywords?.[Keyword.Draft] !== true,
  );
  const [first] = fresh;
  if (!first) return null;
  if (fresh.length === 1) {
    return {
      title: strings.one(senderName(first.from, strings.unknownSender)),
      body: first.subject?.trim() || strings.noSubject,
      emailId: first.id,
    };
  }
  const senders = [...new Set(fresh.map((email) => senderName(email.from, strings.unknownSender)))];
  const named =
    senders.slice(0, MAX_SENDERS_NAMED).join(', ') + (senders.length > MAX_SENDERS_NAMED ? '…' : '');
  return { title: strings.many(fresh.length), body: strings.manyBody(named), emailId: null };
}
