import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { buildEmailFrameDocument, emailBaseCss } from '../lib/email-frame-document';
import { mailMessages } from '../messages';

// Links may open in a new tab (allow-popups); scripts, same-origin access, forms and top
// navigation stay forbidden, so nothing in the frame can act on the app.
const FRAME_SANDBOX = 'allow-popups allow-popups-to-escape-sandbox';
const MIN_HEIGHT = 80;

/** In the measuring copy there is no <html>/<body>: the mail's rules for them apply to its wrapper. */
function retargetBodyRules(html: string): string {
  return html.replace(
    /(<style[^>]*>)([\s\S]*?)(<\/style>)/gi,
    (_, open: string, css: string, close: string) => {
      return (
        open +
        css
          .replace(/(^|[\s,}>~+])(?:html\s+)?body\b/gi, '$1.colibri-mail-body')
          .replace(/(^|[\s,}])html\b/gi, '$1:host') +
        close
      );
    },
  );
}

/**
 * The frame is sandboxed without allow-same-origin, so its document cannot be measured from here.
 * Instead the same sanitised HTML is laid out off-screen in a shadow root of the same width, and
 * the frame takes that height; a ResizeObserver follows width changes and late image sizes.
 * The copy never shows remote images: they are blocked there even when allowed in the frame
 * (the app's own CSP), so an allowed image without width/height may be cut; the frame scrolls then.
 */
function useMeasuredHeight(html: string) {
  const hostRef = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(MIN_HEIGHT);
  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return undefined;
    const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>:host { display: block; }${emailBaseCss('.colibri-mail-body')}</style><div class="colibri-mail-body">${retargetBodyRules(html)}</div>`;
    const body = root.querySelector<HTMLElement>('.colibri-mail-body');
    if (!body) return undefined;
    // A little slack for the few rules that match in the frame but not here.
    const measure = () =>
      setHeight(Math.max(MIN_HEIGHT, Math.ceil(body.getBoundingClientRect().height) + 16));
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(body);
    return () => observer.disconnect();
  }, [html]);
  return { hostRef, height };
}

export interface HtmlBodyProps {
  /** Sanitised HTML (sanitizeEmailHtml), never the raw body. */
  sanitizedHtml: string;
  subject: string;
  /** The user allowed remote images: the frame's CSP then lets https images load. */
  allowRemoteImages?: boolean;
}

/** A sanitised HTML body, shown in a sandboxed frame without scripts and with a strict CSP. */
export function HtmlBody({ sanitizedHtml, subject, allowRemoteImages = false }: HtmlBodyProps) {
  const srcDoc = useMemo(
    () => buildEmailFrameDocument(sanitizedHtml, { allowRemoteImages }),
    [sanitizedHtml, allowRemoteImages],
  );
  const { hostRef, height } = useMeasuredHeight(sanitizedHtml);
  return (
    <div className="html-body">
      <iframe
        className="html-body__frame"
        title={mailMessages.bodyFrameTitle(subject)}
        sandbox={FRAME_SANDBOX}
        srcDoc={srcDoc}
        referrerPolicy="no-referrer"
        style={{ height }}
      />
      <div ref={hostRef} className="html-body__measure" aria-hidden="true" inert />
    </div>
  );
}
