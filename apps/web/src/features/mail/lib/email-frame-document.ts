/**
 * The CSP of the mail frame's document: nothing may load but inline images and styles, so even
 * HTML the sanitiser missed cannot fetch, frame or submit anything.
 */
export const EMAIL_FRAME_CSP =
  "default-src 'none'; img-src data: cid:; style-src 'unsafe-inline'; font-src data:; base-uri 'none'; form-action 'none'";

/** The frame's CSP once the user allowed remote images: https images only, nothing else more. */
export const EMAIL_FRAME_CSP_REMOTE_IMAGES = EMAIL_FRAME_CSP.replace(
  'img-src data: cid:',
  'img-src data: cid: https:',
);

/**
 * Base look of an HTML email, shared by the frame and by the off-screen copy that measures its
 * height. Mail is designed for a light page, so it stays light in dark mode, as in other webmails.
 */
export function emailBaseCss(body: string): string {
  return `
${body} { margin: 0; padding: 20px 24px; color: #1f2328; background: #fff; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; overflow-wrap: anywhere; }
${body} img { max-width: 100%; }
${body} img:not([data-colibri-blocked]) { height: auto; }
${body} img[data-colibri-blocked] { background: #eef0f3; outline: 1px dashed #c4c9d0; outline-offset: -1px; }
${body} a[href] { color: #0b5cad; }
${body} pre { white-space: pre-wrap; }
${body} blockquote { margin: 0 0 0 4px; padding-left: 12px; border-left: 3px solid #d0d7de; color: #57606a; }
${body} table { max-width: 100%; }`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/** The whole srcdoc: the CSP first in <head>, then the base style and the sanitised body. */
export function buildEmailFrameDocument(
  sanitizedBody: string,
  options: { allowRemoteImages?: boolean } = {},
): string {
  const csp = options.allowRemoteImages ? EMAIL_FRAME_CSP_REMOTE_IMAGES : EMAIL_FRAME_CSP;
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    // No referrer for the images the user allows: the sender learns nothing of where it is read.
    '<meta name="referrer" content="no-referrer">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">`,
    '<meta name="color-scheme" content="light">',
    `<style>:root { color-scheme: light; }${emailBaseCss('body')}</style>`,
    `</head><body>${sanitizedBody}</body></html>`,
  ].join('');
}
