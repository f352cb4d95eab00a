import type { Id } from '@colibri/jmap-types';

/**
 * Query keys of the compose feature (STYLE 18): by account, then JMAP type, so that a push
 * StateChange for a type (RFC 8620 §7.1) can invalidate `composeKeys.type(accountId, 'Email')`.
 */
export const composeKeys = {
  all: ['compose'] as const,
  session: () => [...composeKeys.all, 'session'] as const,
  type: (accountId: Id, type: 'Identity' | 'Mailbox' | 'Email' | 'EmailSubmission' | 'ContactCard') =>
    [...composeKeys.all, accountId, type] as const,
  identities: (accountId: Id) => [...composeKeys.type(accountId, 'Identity'), 'list'] as const,
  mailboxRoles: (accountId: Id) => [...composeKeys.type(accountId, 'Mailbox'), 'roles'] as const,
  message: (accountId: Id, emailId: Id) =>
    [...composeKeys.type(accountId, 'Email'), 'message', emailId] as const,
  recentAddresses: (accountId: Id) => [...composeKeys.type(accountId, 'Email'), 'recentAddresses'] as const,
  contactSuggestions: (accountId: Id, prefix: string) =>
    [...composeKeys.type(accountId, 'ContactCard'), 'suggestions', prefix] as const,
  pending: (accountId: Id) => [...composeKeys.type(accountId, 'EmailSubmission'), 'pending'] as const,
};
