import DOMPurify from 'dompurify';
import type { WindowLike } from 'dompurify';
import { blockCssUrls, isInlineImageUrl, isRemoteUrl } from './css-urls';

export interface SanitizedEmailHtml {
  /** Body HTML, safe to put in the mail frame's srcdoc. */
  html: string;
  /** How many remote images (and other remote resources) were replaced or removed. */
  remoteImagesBlocked: number;
}

/** Marks an image whose remote source was replaced by the placeholder. */
export const BLOCKED_IMAGE_ATTRIBUTE = 'data-colibri-blocked';

// A small picture glyph, shown where a remote image was; the frame's CSS paints the box grey,
// and the image keeps the width/height the sender gave it, so the layout holds.
const PLACEHOLDER =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="-12 -12 48 48"><path d="M5 17l4-5 3 3 2-2 5 4H5z" fill="#b8bfc8"/><circle cx="15" cy="8" r="2" fill="#b8bfc8"/></svg>',
  );

// Tags that could submit, embed, redirect or re-base the document; DOMPurify drops most by default,
// listing them keeps the intent visible. <style> stays (rewritten): mail layout depends on it.
const FORBID_TAGS = [
  'script',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'select',
  'option',
  'textarea',
  'meta',
  'link',
  'base',
  'dialog',
  'portal',
];
const FORBID_ATTR = ['action', 'formaction', 'ping', 'srcdoc', 'autofocus', 'http-equiv'];
// Attributes that fetch a resource when the element renders.
const RESOURCE_ATTRIBUTES = ['src', 'background', 'poster', 'lowsrc', 'dynsrc'];
const LINK_TAGS = new Set(['A', 'AREA']);
const IMAGE_TAGS = new Set(['IMG', 'IMAGE']);

/**
 * Sanitises the HTML body of an email for display: no script, no event handler, no javascript:
 * URL, nothing that submits or embeds, and no remote fetch. Remote images become a placeholder
 * and are counted, so the reader can say how many were blocked. `cid:` and `data:image/` sources
 * stay. The result is meant for a sandboxed iframe with a restrictive CSP (defence in depth).
 */
export function sanitizeEmailHtml(dirty: string, window: WindowLike = globalThis.window): SanitizedEmailHtml {
  // A fresh instance per call: hooks are per instance and must not leak between messages.
  const purify = DOMPurify(window);
  let blocked = 0;

  purify.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'style' && node.textContent) {
      const rewritten = blockCssUrls(node.textContent);
      blocked += rewritten.blocked;
      node.textContent = rewritten.css;
    }
  });

  purify.addHook('afterSanitizeAttributes', (node) => {
    const element = node as Element;
    if (!element.getAttribute) return;
    let blockedHere = false;

    for (const name of RESOURCE_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      if (name === 'src' && isInlineImageUrl(value)) continue;
      if (isRemoteUrl(value)) blockedHere = true;
      if (name === 'src' && IMAGE_TAGS.has(element.tagName.toUpperCase()) && isRemoteUrl(value)) {
        element.setAttribute('src', PLACEHOLDER);
        element.setAttribute(BLOCKED_IMAGE_ATTRIBUTE, 'remote');
      } else {
        element.removeAttribute(name);
      }
    }

    const srcset = element.getAttribute('srcset');
    if (srcset !== null) {
      const candidates = srcset.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '');
      if (!candidates.every(isInlineImageUrl)) {
        if (candidates.some(isRemoteUrl)) blockedHere = true;
        element.removeAttribute('srcset');
      }
    }

    // SVG <image>/<use>/<feImage> fetch through href; links are the only elements allowed one.
    if (!LINK_TAGS.has(element.tagName.toUpperCase())) {
      for (const name of ['href', 'xlink:href']) {
        const value = element.getAttribute(name);
        if (value !== null && !value.trim().startsWith('#') && !isInlineImageUrl(value)) {
          if (isRemoteUrl(value)) blockedHere = true;
          element.removeAttribute(name);
        }
      }
    }

    const style = element.getAttribute('style');
    if (style !== null) {
      const rewritten = blockCssUrls(style);
      if (rewritten.blocked > 0) blockedHere = true;
      element.setAttribute('style', rewritten.css);
    }

    if (blockedHere) blocked += 1;

    // Links open outside the frame, without telling the target where they came from.
    if (LINK_TAGS.has(element.tagName.toUpperCase()) && element.hasAttribute('href')) {
      const href = element.getAttribute('href') ?? '';
      if (!href.trim().startsWith('#')) {
        element.setAttribute('target', '_blank');
        element.setAttribute('rel', 'noopener noreferrer');
      }
    }
  });

  const html = purify.sanitize(dirty, {
    FORCE_BODY: true, // keeps a leading <style> (often in <head>) instead of dropping it
    FORBID_TAGS,
    FORBID_ATTR,
    ADD_ATTR: ['target'],
    ALLOW_DATA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
  });
  return { html, remoteImagesBlocked: blocked };
}
