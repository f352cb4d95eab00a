import { bodyLists } from './body-lists.js';
import { decodeText } from './charset.js';
import { readEnvelope, type Envelope } from './envelope.js';
import { mimeLimits } from './limits.js';
import { parseMimeTree, type MimePart, type MimeTree } from './mime-tree.js';
import { collapseWhitespace, htmlToText } from './text.js';

export interface ParsedMessage extends Envelope {
  bodyStructure: MimePart;
  textBody: MimePart[];
  htmlBody: MimePart[];
  attachments: MimePart[];
  preview: string;
  hasAttachment: boolean;
  /** Body text for the full-text index (bounded by mimeLimits.maxIndexedTextChars). */
  indexText: string;
}

/** Bytes of a text leaf the index reads: enough for maxIndexedTextChars in any charset. */
export const indexedTextBytes = mimeLimits.maxIndexedTextChars * 4;

/** Leaves whose content `indexMessage` reads. */
export const isIndexedText = (type: string): boolean => type === 'text/plain' || type === 'text/html';

function partText(part: MimePart): string {
  if (!part.content) return '';
  const text = decodeText(part.content.subarray(0, indexedTextBytes), part.charset);
  return part.type === 'text/html' ? htmlToText(text) : text;
}

/**
 * Parses a raw RFC 5322 message into the store's index. Never throws for bad input: whatever the
 * bytes, the result is a tree (at worst one text/plain part) so that the message is still stored,
 * listed and downloadable.
 */
export function parseMessage(raw: Uint8Array): ParsedMessage {
  return indexMessage(parseMimeTree(raw));
}

/**
 * The index of a walked message. Reads the content of text/plain and text/html leaves only, and
 * only their first `indexedTextBytes` (a streaming walk keeps no more: see `textKeepingSink`).
 */
export function indexMessage(tree: MimeTree): ParsedMessage {
  const lists = bodyLists(tree.root);
  const texts = lists.textBody.filter((p) => isIndexedText(p.type));
  // RFC 8621 §4.1.4 preview: from the text body; HTML stripped of markup when there is no plain text.
  let body = '';
  for (const part of texts) {
    if (body.length >= mimeLimits.maxIndexedTextChars) break;
    body += `${partText(part)}\n`;
  }
  const attachmentNames = lists.attachments.map((p) => p.name ?? '').join(' ');
  return {
    ...readEnvelope(tree.headers),
    bodyStructure: tree.root,
    ...lists,
    preview: collapseWhitespace(body.slice(0, mimeLimits.previewChars * 8)).slice(0, mimeLimits.previewChars),
    // Images referenced inline from HTML (a cid, not marked as attachments) are not what a person calls an attachment.
    hasAttachment: lists.attachments.some(
      (p) => !(p.cid && p.disposition !== 'attachment' && p.type.startsWith('image/')),
    ),
    indexText: `${body.slice(0, mimeLimits.maxIndexedTextChars)} ${attachmentNames}`,
  };
}
