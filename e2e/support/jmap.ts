import { createJmapClient } from '@colibri/jmap-client';
import type { JmapClient } from '@colibri/jmap-client';

/** RFC 7617: the `Authorization` value for HTTP Basic auth. */
export function basicAuth(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

/**
 * A JMAP client authenticated with Basic auth (no cookie, so no CSRF token is needed), as any
 * standard JMAP client would talk to Colibri.
 */
export function jmapClientFor(baseURL: string, username: string, password: string): JmapClient {
  const authorization = basicAuth(username, password);
  return createJmapClient({
    sessionUrl: `${baseURL}/.well-known/jmap`,
    headers: () => ({ Authorization: authorization }),
  });
}
