import DOMPurify from 'dompurify';
import type { WindowLike } from 'dompurify';
import { blockCssUrls, isInlineImageUrl, isRemoteUrl, toHttps } from './css-urls';

/** What remote content a message asked for, by kind, as the reader's banner reports it. */
export interface RemoteContentCounts {
  /** <img>, srcset, SVG <image>, poster and background attributes. */
  images: number;
  /** CSS url()s in style sheets and style attributes (backgrounds, fonts, image-set). */
  cssUrls: number;
  /** <link rel=stylesheet> and @import: always blocked, even when images are allowed. */
  styleSheets: number;
  /** Audio, video, frames, embeds: always blocked. */
  other: number;
}

export interface SanitizedEmailHtml {
  /** Body HTML, safe to put in the mail frame's srcdoc. */
  html: string;
  /** How many elements referencing remote resources were changed (all kinds, blocked only). */
  remoteImagesBlocked: number;
  /** The remote references blocked, by kind (only those not allowed). */
  remoteContent: RemoteContentCounts;
}

export interface SanitizeOptions {
  /** The user allowed remote images for this message (once, or for its sender). */
  allowRemoteImages?: boolean;
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
export function sanitizeEmailHtml(
  dirty: string,
  options: SanitizeOptions = {},
  window: WindowLike = globalThis.window,
): SanitizedEmailHtml {
  // A fresh instance per call: hooks are per instance and must not leak between messages.
  const purify = DOMPurify(window);
  const allowImages = options.allowRemoteImages === true;
  let blocked = 0;
  const remoteContent: RemoteContentCounts = { images: 0, cssUrls: 0, styleSheets: 0, other: 0 };

  purify.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'style' && node.textContent) {
      const rewritten = blockCssUrls(node.textContent, { allowRemoteImages: allowImages });
      blocked += rewritten.blocked + rewritten.imports;
      remoteContent.cssUrls += rewritten.blocked;
      remoteContent.styleSheets += rewritten.imports;
      node.textContent = rewritten.css;
      return;
    }
    // Forbidden tags are dropped by DOMPurify; counted here so that the banner can say so.
    const element = node as Element;
    if (!element.getAttribute) return;
    if (data.tagName === 'link') {
      if (isRemoteUrl(element.getAttribute('href') ?? '')) {
        remoteContent.styleSheets += 1;
        blocked += 1;
      }
    } else if (/^(iframe|frame|object|embed|applet)$/.test(data.tagName)) {
      const source = element.getAttribute('src') ?? element.getAttribute('data') ?? '';
      if (isRemoteUrl(source)) {
        remoteContent.other += 1;
        blocked += 1;
      }
    }
  });

  purify.addHook('afterSanitizeAttributes', (node) => {
    const element = node as Element;
    if (!element.getAttribute) return;
    let blockedHere = false;

    const tag = element.tagName.toUpperCase();
    for (const name of RESOURCE_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      if (name === 'src' && isInlineImageUrl(value)) continue;
      const remote = isRemoteUrl(value);
      const isImage = (name === 'src' && IMAGE_TAGS.has(tag)) || name === 'background' || name === 'poster';
      if (remote && isImage && allowImages) {
        element.setAttribute(name, toHttps(value));
        continue;
      }
      if (remote) {
        blockedHere = true;
        if (isImage) remoteContent.images += 1;
        else remoteContent.other += 1;
      }
      if (name === 'src' && IMAGE_TAGS.has(tag) && remote) {
        element.setAttribute('src', PLACEHOLDER);
        element.setAttribute(BLOCKED_IMAGE_ATTRIBUTE, 'remote');
      } else {
        element.removeAttribute(name);
      }
    }

    const srcset = element.getAttribute('srcset');
    if (srcset !== null) {
      const candidates = srcset.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '');
      const remote = candidates.some(isRemoteUrl);
      if (allowImages && candidates.every((url) => isInlineImageUrl(url) || isRemoteUrl(url))) {
        if (remote)
          element.setAttribute(
            'srcset',
            srcset
              .split(',')
              .map((candidate) => {
                const [url = '', ...rest] = candidate.trim().split(/\s+/);
                return [isRemoteUrl(url) ? toHttps(url) : url, ...rest].join(' ');
              })
              .join(', '),
          );
      } else if (!candidates.every(isInlineImageUrl)) {
        if (remote) {
          blockedHere = true;
          remoteContent.images += 1;
        }
        element.removeAttribute('srcset');
      }
    }

    // SVG <image>/<use>/<feImage> fetch through href; links are the only elements allowed one.
    if (!LINK_TAGS.has(element.tagName.toUpperCase())) {
      for (const name of ['href', 'xlink:href']) {
        const value = element.getAttribute(name);
        if (value !== null && !value.trim().startsWith('#') && !isInlineImageUrl(value)) {
          if (isRemoteUrl(value)) {
            blockedHere = true;
            remoteContent.images += 1;
          }
          element.removeAttribute(name);
        }
      }
    }

    const style = element.getAttribute('style');
    if (style !== null) {
      const rewritten = blockCssUrls(style, { allowRemoteImages: allowImages });
      if (rewritten.blocked + rewritten.imports > 0) blockedHere = true;
      remoteContent.cssUrls += rewritten.blocked;
      remoteContent.styleSheets += rewritten.imports;
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
  return { html, remoteImagesBlocked: blocked, remoteContent };
}
