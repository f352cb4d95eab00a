import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { EMAIL_FRAME_CSP, buildEmailFrameDocument, emailBaseCss } from '../lib/email-frame-document';
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

/** An empty document under the mail frame's CSP: the warm frame holds and loads nothing. */
const WARM_FRAME_DOCUMENT = `<!doctype html><meta http-equiv="Content-Security-Policy" content="${EMAIL_FRAME_CSP}">`;
const whenIdle = (run: () => void): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: 1000 });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(run, 200);
  return () => clearTimeout(timer);
};

/**
 * Chromium runs sandboxed frames without allow-same-origin in a process of their own, started
 * with the first such frame and ended with the last one: each message opened after the previous
 * frame went would wait for a new process (about 100 ms here). This hidden, empty frame with the
 * same sandbox, created once the page is idle and kept while the reader is mounted, keeps that
 * process ready. It is the same kind of frame as the mail's: no scripts, and a CSP that loads
 * nothing.
 */
export function WarmMailFrame() {
  const [shown, setShown] = useState(false);
  useEffect(() => whenIdle(() => setShown(true)), []);
  if (!shown) return null;
  return (
    <iframe
      className="html-body__warm"
      data-warm-frame=""
      hidden
      aria-hidden="true"
      tabIndex={-1}
      sandbox={FRAME_SANDBOX}
      srcDoc={WARM_FRAME_DOCUMENT}
      referrerPolicy="no-referrer"
    />
  );
}
