import type { RequestHandler } from 'express';

/**
 * The web app's Content-Security-Policy. Script only from our origin; no plugins, no framing by
 * others; images from our origin, data: and blob: only, so remote content in a message cannot
 * load (the mail view's srcdoc frame inherits this policy on top of its own). Inline styles are
 * allowed because sanitised HTML mail is styled inline.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "frame-src 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

/** For downloaded blobs: a document opened from one runs in a unique origin, without script. */
export const DOWNLOAD_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

/** Security headers on every response; routes may tighten them (downloads replace the CSP). */
export function securityHeaders(): RequestHandler {
  return (req, res, next) => {
    res.set({
      'Content-Security-Policy': APP_CSP,
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
