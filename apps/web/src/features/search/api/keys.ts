import type { Id } from '@colibri/jmap-types';
import type { EmailFilter } from '../lib/parse-search-query';

/**
 * Query keys of the search feature (STYLE 18), by account then JMAP type like mail's, so that a
 * push StateChange for Email or Mailbox can invalidate `['search', accountId, type]`.
 */
export const searchKeys = {
  all: ['search'] as const,
  session: () => [...searchKeys.all, 'session'] as const,
  type: (accountId: Id, type: 'Mailbox' | 'Email') => [...searchKeys.all, accountId, type] as const,
  mailboxes: (accountId: Id) => [...searchKeys.type(accountId, 'Mailbox'), 'list'] as const,
  results: (accountId: Id, filter: EmailFilter) =>
    [...searchKeys.type(accountId, 'Email'), 'query', filter] as const,
};
