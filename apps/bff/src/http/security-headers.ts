import type { RequestHandler } from 'express';

/**
 * The policy, with the LiveKit server's origin added to connect-src when meetings are configured:
 * livekit-client opens its signalling WebSocket there (ws/wss, which `https:` does not cover) and
 * asks it over HTTP(S) before that. WebRTC media itself is not governed by CSP.
 */
export function appCsp(mediaServerUrl: string | null): string {
  return cspDirectives(mediaServerUrl === null ? [] : mediaServerSources(mediaServerUrl)).join('; ');
}

function mediaServerSources(url: string): string[] {
  const { protocol, host } = new URL(url);
  const secure = protocol === 'wss:' || protocol === 'https:';
  return [`${secure ? 'wss' : 'ws'}://${host}`, `${secure ? 'https' : 'http'}://${host}`];
}

/**
 * The web app's Content-Security-Policy. Script only from our origin; no plugins, no framing by
 * others. The mail view's srcdoc frame inherits this policy on top of its own, which blocks every
 * remote image until the user allows them for a message; https images are allowed here so that
 * this choice can take effect (nothing else loads remote content: script stays 'self'). connect-src
 * allows https for the RFC 8058 one-click unsubscribe POST, which must be sent without cookies
 * straight to the list. Inline styles are allowed because sanitised HTML mail is styled inline.
 */
const cspDirectives = (connectExtra: string[]) => [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  "media-src 'self' blob:",
  ["connect-src 'self' https:", ...connectExtra].join(' '),
  "frame-src 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "base-uri 'none'",
  "object-src 'none'",
];

/** The policy when no meeting server is configured. */
export const APP_CSP = appCsp(null);

/** For downloaded blobs: a document opened from one runs in a unique origin, without script. */
export const DOWNLOAD_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

/** Security headers on every response; routes may tighten them (downloads replace the CSP). */
export function securityHeaders(options: { mediaServerUrl?: string | null } = {}): RequestHandler {
  const csp = appCsp(options.mediaServerUrl ?? null);
  return (req, res, next) => {
    res.set({
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      // Mail links must not tell the world which message they were clicked in.
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Permissions-Policy':
        'camera=(self), microphone=(self), display-capture=(self), geolocation=(), payment=(), usb=()',
    });
    if (req.secure) res.set('Strict-Transport-Security', 'max-age=31536000');
    next();
  };
}
