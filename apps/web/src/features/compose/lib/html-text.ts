/** Escapes text for use as HTML element content or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain text as editor paragraphs: one <p> per line, as the editor makes them when typing. */
export function textToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (line.length > 0 ? `<p>${escapeHtml(line)}</p>` : '<p></p>'))
    .join('');
}

const BLOCKS = new Set([
  'P',
  'DIV',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'PRE',
  'BLOCKQUOTE',
  'UL',
  'OL',
  'HR',
  'TABLE',
  'TR',
]);

interface Walk {
  lines: string[];
  current: string;
  /** The current line holds only a list marker: the item's first block continues it. */
  markerOnly: boolean;
}

function endLine(walk: Walk) {
  walk.lines.push(walk.current);
  walk.current = '';
  walk.markerOnly = false;
}

function append(walk: Walk, text: string) {
  if (text.length === 0) return;
  walk.current += text;
  walk.markerOnly = false;
}

const CONTAINERS = new Set(['UL', 'OL', 'TABLE']);

function walkChildren(node: Node, walk: Walk) {
  node.childNodes.forEach((child) => walkNode(child, walk));
}

function walkNode(node: Node, walk: Walk): void {
  if (node.nodeType === Node.TEXT_NODE) {
    // Outside <pre>, the browser collapses white space; so does the text version.
    const inPre = node.parentElement?.closest('pre') !== null;
    append(walk, inPre ? (node.textContent ?? '') : (node.textContent ?? '').replace(/\s+/g, ' '));
    return;
  }
  if (!(node instanceof Element)) return;
  const tag = node.tagName;
  if (tag === 'BR') return endLine(walk);
  if (tag === 'IMG') return append(walk, `[${node.getAttribute('alt') || 'image'}]`);
  if (tag === 'HR') {
    if (walk.current) endLine(walk);
    walk.current = '---';
    return endLine(walk);
  }
  if (tag === 'BLOCKQUOTE') {
    if (walk.current) endLine(walk);
    const inner: Walk = { lines: [], current: '', markerOnly: false };
    walkChildren(node, inner);
    if (inner.current) endLine(inner);
    // RFC 3676 §4.5: quoted lines start with ">", nested quotes with ">>" (no space between).
    for (const line of inner.lines)
      walk.lines.push(line.startsWith('>') ? `>${line}` : `> ${line}`.trimEnd());
    return;
  }
  if (!BLOCKS.has(tag)) {
    walkChildren(node, walk);
    if (tag === 'A') {
      const href = node.getAttribute('href') ?? '';
      const text = node.textContent?.trim() ?? '';
      if (/^(https?|mailto):/i.test(href) && href !== text && `mailto:${text}` !== href)
        append(walk, ` <${href}>`);
    }
    return;
  }
  if (walk.current && !walk.markerOnly) endLine(walk);
  if (tag === 'LI') {
    const list = node.parentElement;
    const index = list ? Array.prototype.indexOf.call(list.children, node) : 0;
    walk.current = list?.tagName === 'OL' ? `${index + 1}. ` : '- ';
    walk.markerOnly = true;
  }
  const linesBefore = walk.lines.length;
  const startedEmpty = walk.current === '';
  walkChildren(node, walk);
  if (CONTAINERS.has(tag)) return;
  if (walk.current) endLine(walk);
  // An empty paragraph is an empty line, as the person typed it.
  else if (startedEmpty && walk.lines.length === linesBefore && tag === 'P') walk.lines.push('');
}

/**
 * The text/plain alternative of an HTML body (RFC 2046 §5.1.4): one line per paragraph or <br>,
 * "- " and "1. " list items, "> " quotes (RFC 3676 §4.5), links as "text <url>".
 */
export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const walk: Walk = { lines: [], current: '', markerOnly: false };
  doc.body.childNodes.forEach((child) => walkNode(child, walk));
  if (walk.current) endLine(walk);
  return (
    walk.lines
      // "-- " keeps its space: it is the signature separator (RFC 3676 §4.3).
      .map((line) => (line === '-- ' ? line : line.replace(/[ \t]+$/g, '')))
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}
