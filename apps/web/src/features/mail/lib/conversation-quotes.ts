/** A body split into what the sender wrote and the trailing quote of earlier messages. */
export interface QuoteSplit {
  body: string;
  /** The folded part (attribution line included), or null when there is none to fold. */
  quote: string | null;
}

const QUOTED_LINE = /^\s*>/;
// "On Mon, 3 Jun 2024, Ann <ann@x.test> wrote:", its French, German, Spanish and Italian forms.
const ATTRIBUTION = /(?:wrote|a écrit|schrieb|escribió|ha scritto)\s*:?\s*$/i;
// Outlook and others put the quote after a separator instead of "> " prefixes.
const ORIGINAL_MESSAGE =
  /^\s*-{2,}\s*(?:Original Message|Message d'origine|Ursprüngliche Nachricht)\s*-{2,}\s*$/i;
/** An attribution is a line or two; anything longer is the sender's own text. */
const MAX_ATTRIBUTION_LENGTH = 300;

const isBlank = (line: string) => line.trim() === '';

/**
 * Finds the quote at the end of a plain-text reply: the trailing run of ">" lines (blank lines
 * allowed) with the attribution line before it, or everything from an "Original Message"
 * separator on. Quotes between the sender's own paragraphs (inline replies) are context and stay.
 * Never folds the whole message.
 */
export function splitPlainTextQuote(text: string): QuoteSplit {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let start = lines.findIndex((line) => ORIGINAL_MESSAGE.test(line));
  if (start === -1) {
    let index = lines.length;
    let sawQuote = false;
    while (index > 0) {
      const line = lines[index - 1] ?? '';
      if (QUOTED_LINE.test(line)) sawQuote = true;
      else if (!isBlank(line)) break;
      index -= 1;
    }
    if (!sawQuote) return { body: text, quote: null };
    start = index;
    // The attribution may be wrapped over two lines ("On …, Ann <ann@x.test>" / "wrote:").
    let before = start;
    while (before > 0 && isBlank(lines[before - 1] ?? '')) before -= 1;
    const last = lines[before - 1] ?? '';
    if (ATTRIBUTION.test(last)) {
      const twoLines = `${lines[before - 2] ?? ''} ${last}`;
      const wrapped =
        before >= 2 &&
        !isBlank(lines[before - 2] ?? '') &&
        /^\s*(?:On|Le|Am|El|Il)\b/.test(lines[before - 2] ?? '') &&
        !/^\s*(?:On|Le|Am|El|Il)\b/.test(last);
      const attribution = wrapped ? twoLines : last;
      if (attribution.length <= MAX_ATTRIBUTION_LENGTH) start = before - (wrapped ? 2 : 1);
    }
  }
  const body = lines.slice(0, start).join('\n').replace(/\s+$/, '');
  if (body.trim() === '') return { body: text, quote: null };
  return { body, quote: lines.slice(start).join('\n') };
}

/** Elements that hold a quote in the HTML of common mail clients. */
const QUOTE_SELECTOR = 'blockquote, .gmail_quote, .moz-cite-prefix, .yahoo_quoted, .protonmail_quote';
// Outlook (desktop and web) quotes everything after one of these, without wrapping it.
const OUTLOOK_MARKER = '#appendonsend, #divRplyFwdMsg';

function hasContent(node: Node): boolean {
  if (node.nodeType === 3) return (node.textContent ?? '').trim() !== '';
  if (node.nodeType !== 1) return false;
  const element = node as Element;
  if (/^(STYLE|TITLE)$/i.test(element.tagName)) return false;
  if (/^(IMG|HR|TABLE|VIDEO|SVG)$/i.test(element.tagName)) return true;
  return (element.textContent ?? '').trim() !== '' || element.querySelector('img, svg, video, hr') !== null;
}

/** True when nothing with content follows `node` inside `root`. */
function isLast(node: Node, root: Node): boolean {
  for (let current: Node | null = node; current && current !== root; current = current.parentNode) {
    for (let next = current.nextSibling; next; next = next.nextSibling) if (hasContent(next)) return false;
  }
  return true;
}

function removeFollowing(node: Node, root: Node): void {
  for (let current: Node | null = node; current && current !== root; current = current.parentNode) {
    while (current.nextSibling) current.nextSibling.remove();
  }
  node.parentNode?.removeChild(node);
}

/** The last text node with content under `root`. */
function lastText(root: Node): Text | null {
  const walker = root.ownerDocument!.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let last: Text | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if ((node.textContent ?? '').trim() !== '') last = node as Text;
  return last;
}

function removeAttribution(body: HTMLElement): void {
  const text = lastText(body);
  if (!text || !ATTRIBUTION.test(text.textContent ?? '')) return;
  const block = text.parentElement?.closest('p, div, span');
  const target =
    block &&
    body.contains(block) &&
    block !== body &&
    (block.textContent ?? '').length <= MAX_ATTRIBUTION_LENGTH
      ? block
      : text;
  target.parentNode?.removeChild(target);
}

/**
 * The HTML of a message with its trailing quote removed, or null when it has none to fold.
 * Works on sanitised HTML, in an inert document (nothing loads or runs there): trailing quote
 * elements are removed one by one from the end, then the "… wrote:" line before them.
 */
export function foldHtmlQuote(html: string, doc: Document = document): string | null {
  const scratch = doc.implementation.createHTMLDocument('');
  const body = scratch.body;
  body.innerHTML = html;
  let folded = false;

  const marker = body.querySelector(OUTLOOK_MARKER);
  if (marker) {
    removeFollowing(marker, body);
    folded = true;
  }
  for (;;) {
    const outermost = [...body.querySelectorAll(QUOTE_SELECTOR)].filter(
      (element) => !element.parentElement?.closest(QUOTE_SELECTOR),
    );
    const last = outermost.at(-1);
    if (!last || !isLast(last, body)) break;
    last.remove();
    folded = true;
  }
  if (!folded) return null;
  removeAttribution(body);
  // Folding everything would hide the message itself: show it whole instead.
  if (![...body.childNodes].some(hasContent)) return null;
  return body.innerHTML;
}
