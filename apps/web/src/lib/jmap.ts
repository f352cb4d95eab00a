import { createContext, createElement, useContext } from 'react';
import type { ReactNode } from 'react';
import { createJmapClient } from '@colibri/jmap-client';
import type { JmapClient } from '@colibri/jmap-client';
import { Capability } from '@colibri/jmap-types';

/** The BFF's Session resource, on our own origin (RFC 8620 §2.2). */
export const SESSION_URL = '/.well-known/jmap';

/**
 * Capabilities added to `using` when the Session offers them (RFC 8620 §3.3): Email `snoozed`
 * (the mail feature's snooze), RFC 9670 principals (sharing a folder: Principal/query, Mailbox
 * shareWith), and JMAP Calendars (draft-ietf-jmap-calendars §2.1), whose methods jmap-client
 * does not map to a capability yet.
 */
export const WEB_JMAP_EXTENSIONS: readonly string[] = [
  Capability.Snooze,
  Capability.Principals,
  'urn:ietf:params:jmap:calendars',
];

/**
 * The web app's JMAP client: cookie-authenticated, so every POST carries the CSRF token of the
 * current login (read at each request, since it changes when someone else logs in).
 */
export function createWebJmapClient(getCsrfToken: () => string | null): JmapClient {
  return createJmapClient({
    sessionUrl: SESSION_URL,
    credentials: 'same-origin',
    headers: csrfHeaders(getCsrfToken),
    extensions: WEB_JMAP_EXTENSIONS,
  });
}

/** The headers a cookie-authenticated request needs: the CSRF token of the current login. */
export function csrfHeaders(getCsrfToken: () => string | null): () => Record<string, string> {
  return (): Record<string, string> => {
    const token = getCsrfToken();
    return token ? { 'X-CSRF-Token': token } : {};
  };
}

const JmapClientContext = createContext<JmapClient | null>(null);
const noHeaders = (): Record<string, string> => ({});
const JmapHeadersContext = createContext<() => Record<string, string>>(noHeaders);

/**
 * Provides the JMAP client and the headers its requests carry (`headers`: read at each request),
 * for the calls the client does not make itself, such as uploads with progress (RFC 8620 §6.1).
 */
export function JmapClientProvider({
  client,
  headers = noHeaders,
  children,
}: {
  client: JmapClient;
  headers?: () => Record<string, string>;
  children: ReactNode;
}) {
  return createElement(
    JmapClientContext,
    { value: client },
    createElement(JmapHeadersContext, { value: headers }, children),
  );
}

/** The headers of the current login for a request made by hand (the CSRF token, STYLE 22). */
export function useJmapHeaders(): () => Record<string, string> {
  return useContext(JmapHeadersContext);
}

/** The app's JMAP client; throws outside JmapClientProvider (a wiring bug). */
export function useJmapClient(): JmapClient {
  const client = useContext(JmapClientContext);
  if (!client) throw new Error('useJmapClient() needs a <JmapClientProvider> above it.');
  return client;
}
