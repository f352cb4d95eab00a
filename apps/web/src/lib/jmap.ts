import { createContext, createElement, useContext } from 'react';
import type { ReactNode } from 'react';
import { createJmapClient } from '@colibri/jmap-client';
import type { JmapClient } from '@colibri/jmap-client';

/** The BFF's Session resource, on our own origin (RFC 8620 §2.2). */
export const SESSION_URL = '/.well-known/jmap';

/**
 * The web app's JMAP client: cookie-authenticated, so every POST carries the CSRF token of the
 * current login (read at each request, since it changes when someone else logs in).
 */
export function createWebJmapClient(getCsrfToken: () => string | null): JmapClient {
  return createJmapClient({
    sessionUrl: SESSION_URL,
    credentials: 'same-origin',
    headers: (): Record<string, string> => {
      const token = getCsrfToken();
      return token ? { 'X-CSRF-Token': token } : {};
    },
  });
}

const JmapClientContext = createContext<JmapClient | null>(null);

export function JmapClientProvider({ client, children }: { client: JmapClient; children: ReactNode }) {
  return createElement(JmapClientContext, { value: client }, children);
}

/** The app's JMAP client; throws outside JmapClientProvider (a wiring bug). */
export function useJmapClient(): JmapClient {
  const client = useContext(JmapClientContext);
  if (!client) throw new Error('useJmapClient() needs a <JmapClientProvider> above it.');
  return client;
}
