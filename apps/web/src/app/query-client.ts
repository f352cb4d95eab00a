import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { JmapRequestError } from '@colibri/jmap-client';
import { authKeys } from '../features/auth/api/keys';
import { HttpError } from '../lib/http';

/** A 401 from the BFF or the JMAP API: the session has ended (expired, or logged out elsewhere). */
function isSessionLost(error: unknown): boolean {
  return (error instanceof JmapRequestError || error instanceof HttpError) && error.status === 401;
}

export function createAppQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    // Forgetting the user lets the auth guard send the person to the login page.
    if (isSessionLost(error)) queryClient.setQueryData(authKeys.me(), null);
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        // Mail queries are kept fresh by push (features/mail/hooks/use-live-mail.ts) and opt out
        // of this; other data is refetched when older than this and the window regains focus.
        staleTime: 30_000,
        retry: (failures, error) => !isSessionLost(error) && failures < 2,
      },
    },
  });
  return queryClient;
}
