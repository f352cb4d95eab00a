import type { Request } from 'express';

const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The origin clients reach us at, for the Session's absolute URLs (RFC 8620 §2): the configured
 * public URL, else the request's scheme and Host (X-Forwarded-* only when the proxy is trusted).
 */
export function publicBaseUrl(req: Request, configured: string | null): string {
  if (configured !== null) return configured;
  // Express 5: req.host keeps the port. A Host that is not a plain host[:port] is not echoed.
  const host = HOST.test(req.host) ? req.host : 'localhost';
  return `${req.protocol}://${host}`;
}
