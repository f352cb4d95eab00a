import type { RequestHandler } from 'express';

/** What a JMAP client sends across origins: credentials in Authorization, never cookies. */
const ALLOWED_HEADERS = 'Authorization, Content-Type, Accept, Range';
/** Read by clients: downloads' name and ranges, and problem details' type. */
const EXPOSED_HEADERS = 'Content-Disposition, Content-Range, Content-Length, Accept-Ranges';
/** Browsers may reuse a preflight this long (seconds). */
const PREFLIGHT_MAX_AGE = 600;

/**
 * CORS (WHATWG Fetch §3.2) for the JMAP endpoints, so that a JMAP web client served from another
 * origin can use this server with a token or Basic credentials. `Access-Control-Allow-Credentials`
 * is never sent: a browser then neither sends the session cookie cross-origin nor lets the page
 * read the answer to a cookie-authenticated request, so CORS opens no way around the session's
 * CSRF protection. Origins not listed get no CORS headers (same-origin only, as without CORS).
 */
export function jmapCors(origins: readonly string[] | '*'): RequestHandler {
  const allowed = origins === '*' ? null : new Set(origins);
  return (req, res, next) => {
    const origin = req.get('Origin');
    if (origins !== '*' && origins.length === 0) return next();
    res.vary('Origin');
    if (origin === undefined || (allowed !== null && !allowed.has(origin))) return next();
    res.set('Access-Control-Allow-Origin', allowed === null ? '*' : origin);
    res.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    if (req.method === 'OPTIONS' && req.get('Access-Control-Request-Method') !== undefined) {
      res.set({
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': ALLOWED_HEADERS,
        'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE),
      });
      res.status(204).end();
      return;
    }
    next();
  };
}
