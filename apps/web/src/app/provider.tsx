import { useState } from 'react';
import type { ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { CurrentUser } from '../features/auth/api/get-me';
import { authKeys } from '../features/auth/api/keys';
import { JmapClientProvider, createWebJmapClient, csrfHeaders } from '../lib/jmap';
import { createAppQueryClient } from './query-client';

/**
 * Server state (TanStack Query) and the JMAP client. The auth state is the `me` query: the
 * guard, the shell and the JMAP client's CSRF header all read it from the cache.
 */
export function AppProvider({ children }: { children: ReactNode }) {
  const [{ queryClient, jmapClient, jmapHeaders }] = useState(() => {
    const queryClient = createAppQueryClient();
    const csrfToken = () => queryClient.getQueryData<CurrentUser | null>(authKeys.me())?.csrfToken ?? null;
    return { queryClient, jmapClient: createWebJmapClient(csrfToken), jmapHeaders: csrfHeaders(csrfToken) };
  });
  return (
    <QueryClientProvider client={queryClient}>
      <JmapClientProvider client={jmapClient} headers={jmapHeaders}>
        {children}
      </JmapClientProvider>
    </QueryClientProvider>
  );
}
