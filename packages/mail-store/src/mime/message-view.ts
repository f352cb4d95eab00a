import { decodeText } from './charset.js';
import { readHeaderBlock, type HeaderField } from './header-block.js';
import type { MimePart } from './mime-part.js';
import { parseMimeTree } from './mime-tree.js';

/**
 * What a mail filter (Sieve, RFC 5228) reads of a message before it is stored, with the store's
 * own parser so that a filter and the index never disagree on what a message says.
 */

/** The message's header fields (raw values), in order; `raw` may end after the header section. */
export function messageHeaderFields(raw: Uint8Array): HeaderField[] {
  return readHeaderBlock(raw, 0, raw.byteLength).fields;
}

/** RFC 5173 `:raw`: the body as it is after the header section, undecoded (UTF-8, else Latin-1). */
export function messageRawBody(raw: Uint8Array): string {
  const { bodyStart } = readHeaderBlock(raw, 0, raw.byteLength);
  const body = Buffer.from(raw.buffer, raw.byteOffset + bodyStart, raw.byteLength - bodyStart);
  const text = body.toString('utf8');
  return text.includes('\uFFFD') ? body.toString('latin1') : text;
}

/**
 * RFC 5173 `:text`: the decoded text of every text/* leaf (transfer encoding and charset undone),
 * in message order, one after the other separated by a line break.
 */
export function messageBodyText(raw: Uint8Array): string {
  const texts: string[] = [];
  const walk = (part: MimePart) => {
    if (part.subParts) for (const sub of part.subParts) walk(sub);
    else if (part.content && part.type.startsWith('text/'))
      texts.push(decodeText(part.content, part.charset));
  };
  walk(parseMimeTree(raw).root);
  return texts.join('\n');
}
