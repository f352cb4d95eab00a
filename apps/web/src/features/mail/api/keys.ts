import type { Id } from '@colibri/jmap-types';

/** What a message list shows: a mailbox, by conversation (RFC 8621 §4.4 collapseThreads) or by message. */
export interface EmailListParams {
  mailboxId: Id;
  collapseThreads: boolean;
  /** The Snoozed mailbox's list: its rows carry `snoozed`, the wake-up time they show. */
  withSnoozed?: true;
}

/** The params of a mailbox's list; the one place that decides which lists ask for `snoozed`. */
export function emailListParams(
  mailbox: { id: Id; role: string | null },
  collapseThreads: boolean,
): EmailListParams {
  const params: EmailListParams = { mailboxId: mailbox.id, collapseThreads };
  if (mailbox.role === 'snoozed') params.withSnoozed = true;
  return params;
}

/**
 * Query keys of the mail feature (STYLE 18). Hierarchical by account, then JMAP type, so that a
 * push StateChange for a type (RFC 8620 §7.1) can invalidate `mailKeys.type(accountId, 'Email')`.
 */
export const mailKeys = {
  all: ['mail'] as const,
  session: () => [...mailKeys.all, 'session'] as const,
  type: (accountId: Id, type: 'Mailbox' | 'Email' | 'Principal') =>
    [...mailKeys.all, accountId, type] as const,
  mailboxes: (accountId: Id) => [...mailKeys.type(accountId, 'Mailbox'), 'list'] as const,
  emailLists: (accountId: Id) => [...mailKeys.type(accountId, 'Email'), 'query'] as const,
  emailList: (accountId: Id, params: EmailListParams) => [...mailKeys.emailLists(accountId), params] as const,
  emailDetails: (accountId: Id) => [...mailKeys.type(accountId, 'Email'), 'get'] as const,
  email: (accountId: Id, emailId: Id) => [...mailKeys.emailDetails(accountId), emailId] as const,
  /** A folder's sharees (RFC 9670 §4 shareWith), refreshed with the account's mailboxes. */
  shares: (accountId: Id, mailboxId: Id) =>
    [...mailKeys.type(accountId, 'Mailbox'), 'shares', mailboxId] as const,
  principals: (accountId: Id, text: string) =>
    [...mailKeys.type(accountId, 'Principal'), 'query', text] as const,
};
