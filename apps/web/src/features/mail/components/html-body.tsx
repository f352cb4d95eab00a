import { useEffect, useMemo, useRef, useState } from 'react';
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

/** Heights measured before, by sanitised HTML: a message opened again gets its size at once. */
const knownHeights = new Map<string, number>();
const KNOWN_HEIGHTS_MAX = 64;
/** Before the first measure: about a screenful, so the first paint shows the mail's top in full. */
const FIRST_HEIGHT = 480;

function rememberHeight(html: string, height: number) {
  knownHeights.delete(html);
  knownHeights.set(html, height);
  if (knownHeights.size > KNOWN_HEIGHTS_MAX) {
    const oldest = knownHeights.keys().next();
    if (!oldest.done) knownHeights.delete(oldest.value);
  }
}

/** After the next frame is painted (rAF runs before paint, a task queued from it after). */
function afterNextPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}

/**
 * The frame is sandboxed without allow-same-origin (so that Chromium keeps hostile mail in a
 * process of its own, and nothing in it is ever same-origin with the app), so its document cannot
 * be measured from here. Instead the same sanitised HTML is laid out off-screen in a shadow root
 * of the same width, and the frame takes that height; a ResizeObserver follows width changes and
 * late image sizes. That copy is a second layout of the whole mail, so it is made only once the
 * frame has loaded and painted, never between the click and the mail on screen: until then the
 * frame has the height measured last time for the same HTML, or about a screenful.
 * The copy never shows remote images: they are blocked there even when allowed in the frame
 * (the app's own CSP), so an allowed image without width/height may be cut; the frame scrolls then.
 */
function useMeasuredHeight(html: string, frameLoaded: boolean) {
  const hostRef = useRef<HTMLDivElement>(null);
  const [measured, setMeasured] = useState<{ html: string; height: number } | null>(null);
  const height = measured?.html === html ? measured.height : (knownHeights.get(html) ?? FIRST_HEIGHT);
  useEffect(() => {
    const host = hostRef.current;
    if (!host || !frameLoaded) return undefined;
    let observer: ResizeObserver | undefined;
    const cancel = afterNextPaint(() => {
      const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
      root.innerHTML = `<style>:host { display: block; }${emailBaseCss('.colibri-mail-body')}</style><div class="colibri-mail-body">${retargetBodyRules(html)}</div>`;
      const body = root.querySelector<HTMLElement>('.colibri-mail-body');
      if (!body) return;
      // A little slack for the few rules that match in the frame but not here.
      const measure = () => {
        const next = Math.max(MIN_HEIGHT, Math.ceil(body.getBoundingClientRect().height) + 16);
        rememberHeight(html, next);
        setMeasured({ html, height: next });
      };
      measure();
      if (typeof ResizeObserver === 'undefined') return;
      observer = new ResizeObserver(measure);
      observer.observe(body);
    });
    return () => {
      cancel();
      observer?.disconnect();
    };
  }, [html, frameLoaded]);
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
  // The document the frame has loaded: the measure waits for the one shown now.
  const [loadedDoc, setLoadedDoc] = useState<string | null>(null);
  const { hostRef, height } = useMeasuredHeight(sanitizedHtml, loadedDoc === srcDoc);
  return (
    <div className="html-body">
      <iframe
        className="html-body__frame"
        title={mailMessages.bodyFrameTitle(subject)}
        sandbox={FRAME_SANDBOX}
        srcDoc={srcDoc}
        referrerPolicy="no-referrer"
        style={{ height }}
        onLoad={() => setLoadedDoc(srcDoc)}
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
