import { queryOptions, useQuery } from '@tanstack/react-query';
import { HttpError, requestJson } from '../../../lib/http';
import { authKeys } from './keys';

/** The logged-in user, as `GET /auth/me` and `POST /auth/login` return it. */
export interface CurrentUser {
  username: string;
  accountId: string;
  /** Sent back as `X-CSRF-Token` on every state-changing request. */
  csrfToken: string;
}

/** The current user, or null when there is no session (401). */
export async function getMe(): Promise<CurrentUser | null> {
  try {
    return await requestJson<CurrentUser>('/auth/me');
  } catch (error) {
    if (error instanceof HttpError && error.status === 401) return null;
    throw error;
  }
}

export function meQueryOptions() {
  // The session only changes through login/logout, which write this query themselves.
  return queryOptions({ queryKey: authKeys.me(), queryFn: getMe, staleTime: Infinity, retry: 1 });
}

export function useMe() {
  return useQuery(meQueryOptions());
}
