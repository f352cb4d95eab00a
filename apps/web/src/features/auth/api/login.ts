import { useMutation, useQueryClient } from '@tanstack/react-query';
import { HttpError, requestJson } from '../../../lib/http';
import { useJmapClient } from '../../../lib/jmap';
import { authMessages } from '../messages';
import type { CurrentUser } from './get-me';
import { authKeys } from './keys';

export interface LoginInput {
  username: string;
  password: string;
}

/** `POST /auth/login`: sets the session cookie and returns the user with its CSRF token. */
export async function login(input: LoginInput): Promise<CurrentUser> {
  const user = await requestJson<CurrentUser>('/auth/login', { method: 'POST', body: input });
  if (!user) throw new Error('The login answer had no body.');
  return user;
}

/** What to tell the person after a failed login. */
export interface LoginFailure {
  message: string;
  /** Seconds to wait before the next attempt (HTTP 429), else null. */
  retryAfter: number | null;
}

export function describeLoginError(error: unknown): LoginFailure {
  if (!(error instanceof HttpError)) return { message: authMessages.network, retryAfter: null };
  const serverMessage = typeof error.body?.message === 'string' ? error.body.message : null;
  switch (error.status) {
    case 401:
      return { message: serverMessage ?? authMessages.wrongCredentials, retryAfter: null };
    case 429: {
      // The delay is shown as a live countdown (authMessages.retryIn), so the server's sentence,
      // which states it once and in English only, gives way to ours.
      const fromBody = typeof error.body?.retryAfter === 'number' ? error.body.retryAfter : null;
      return {
        message: authMessages.tooManyAttempts,
        retryAfter: Math.ceil(fromBody ?? error.retryAfterHeader ?? 1),
      };
    }
    case 400:
      return { message: serverMessage ?? authMessages.badRequest, retryAfter: null };
    default:
      return { message: authMessages.unexpected, retryAfter: null };
  }
}

export function useLogin() {
  const queryClient = useQueryClient();
  const jmap = useJmapClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (user) => {
      // Whatever was cached belonged to the previous session, if any.
      jmap.resetSession();
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
      queryClient.setQueryData(authKeys.me(), user);
    },
  });
}
