import type { Id } from '@colibri/jmap-types';

/**
 * Query keys of the settings feature (STYLE 18): by account, then JMAP type, so that push
 * (RFC 8620 §7.1) and a save here invalidate every feature's `[feature, accountId, type]`.
 */
export const settingsKeys = {
  all: ['settings'] as const,
  session: () => [...settingsKeys.all, 'session'] as const,
  /** Not JMAP data: the BFF's /auth/tokens, the same for every account view. */
  apiTokens: () => [...settingsKeys.all, 'apiTokens'] as const,
  type: (accountId: Id, type: 'Identity' | 'VacationResponse') =>
    [...settingsKeys.all, accountId, type] as const,
  identities: (accountId: Id) => [...settingsKeys.type(accountId, 'Identity'), 'list'] as const,
  vacation: (accountId: Id) => [...settingsKeys.type(accountId, 'VacationResponse'), 'singleton'] as const,
};
