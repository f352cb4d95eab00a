import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestJson } from '../../../lib/http';
import type { CurrentUser } from './get-me';
import { authKeys } from './keys';

/** `POST /auth/logout`: ends the session server-side; a cookie-authenticated POST needs the CSRF token. */
export async function logout(csrfToken: string): Promise<void> {
  await requestJson('/auth/logout', { method: 'POST', headers: { 'X-CSRF-Token': csrfToken } });
}

/**
 * Logs out, then loads /login afresh: a full page load drops every cached message, store and
 * JMAP session of the previous user at once, and cannot race the auth guard's redirect.
 */
export function useLogout(leave: () => void = () => window.location.replace('/login')) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const me = queryClient.getQueryData<CurrentUser | null>(authKeys.me());
      if (me) await logout(me.csrfToken);
    },
    // Even when the server call fails (e.g. the session had already expired), leave.
    onSettled: leave,
  });
}
