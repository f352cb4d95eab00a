import type { Address, BodyPart } from '../model.js';
import { bodyLists } from './body-lists.js';
import { mimeLimits } from './limits.js';
import { parseWithPostal, type PostalNode } from './postal-tree.js';
import { collapseWhitespace, htmlToText } from './text.js';

/** A body part before its content is stored: the decoded bytes travel with it. */
export interface ParsedPart extends Omit<BodyPart, 'blobId' | 'subParts'> {
  content: Uint8Array | null;
  subParts: ParsedPart[] | null;
  /** The decoded text, for text/* leaves (charset applied). */
  text: string | null;
}

export interface ParsedMessage {
  bodyStructure: ParsedPart;
  textBody: ParsedPart[];
  htmlBody: ParsedPart[];
  attachments: ParsedPart[];
  messageId: string[] | null;
  inReplyTo: string[] | null;
  references: string[] | null;
  sender: Address[] | null;
  from: Address[] | null;
  to: Address[] | null;
  cc: Address[] | null;
  bcc: Address[] | null;
  replyTo: Address[] | null;
  subject: string | null;
  sentAt: Date | null;
  preview: string;
  hasAttachment: boolean;
  /** Body text for the full-text index (bounded by mimeLimits.maxIndexedTextChars). */
  indexText: string;
}

type PostalAddress = { name: string; address?: string; group?: PostalAddress[] };

function addresses(value: PostalAddress | PostalAddress[] | undefined): Address[] | null {
  if (!value) return null;
  const out: Address[] = [];
  for (const a of Array.isArray(value) ? value : [value]) {
    if (a.group) out.push(...(addresses(a.group) ?? []));
    else if (a.address !== undefined) out.push({ name: a.name || null, email: a.address });
  }
  return out;
}

/** RFC 5322 msg-id lists: "<a@b> <c@d>" -> ["a@b", "c@d"]. */
export function messageIds(value: string | undefined): string[] | null {
  if (!value) return null;
  const ids = [...value.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]!);
  if (ids.length === 0 && /^[^\s<>]+@[^\s<>]+$/.test(value.trim())) ids.push(value.trim());
  return ids.length > 0 ? ids : null;
}

function toPart(node: PostalNode, partId: string, depth: number, budget: { parts: number }): ParsedPart {
  budget.parts += 1;
  const type = (node.contentType.parsed.value || 'text/plain').toLowerCase();
  const params = node.contentType.parsed.params;
  const disposition = node.contentDisposition.parsed.value?.toLowerCase() || null;
  const rawName = node.contentDisposition.parsed.params.filename ?? params.name ?? null;
  const isMultipart = type.startsWith('multipart/');
  const language = node.headers.find((h) => h.key === 'content-language')?.value;
  const content = isMultipart || !node.content ? null : new Uint8Array(node.content);
  const subParts: ParsedPart[] | null = isMultipart ? [] : null;
  if (subParts && depth < mimeLimits.maxDepth) {
    node.childNodes.forEach((child, i) => {
      if (budget.parts < mimeLimits.maxParts)
        subParts.push(toPart(child, `${partId}.${i + 1}`, depth + 1, budget));
    });
  }
  let text: string | null = null;
  if (type.startsWith('text/') && content) {
    try {
      text = node.getTextContent();
    } catch {
      text = new TextDecoder('utf-8').decode(content);
    }
  }
  return {
    partId: isMultipart ? null : partId,
    size: content?.byteLength ?? 0,
    headers: node.headers.map((h) => ({ name: h.originalKey, value: h.value })),
    name: rawName,
    type,
    charset: type.startsWith('text/')
      ? (params.charset?.toLowerCase() ?? 'us-ascii')
      : (params.charset ?? null),
    disposition,
    cid: node.contentId ? node.contentId.replace(/^<|>$/g, '') : null,
    language: language
      ? language
          .split(',')
          .map((l) => l.trim())
          .filter(Boolean)
      : null,
    location: node.headers.find((h) => h.key === 'content-location')?.value ?? null,
    content,
    subParts,
    text,
  };
}

/** The structure of a message postal-mime could not parse: the whole thing as one opaque part. */
function opaque(raw: Uint8Array): ParsedPart {
  return {
    partId: '1',
    size: raw.byteLength,
    headers: [],
    name: null,
    type: 'application/octet-stream',
    charset: null,
    disposition: 'attachment',
    cid: null,
    language: null,
    location: null,
    content: raw,
    subParts: null,
    text: null,
  };
}

function sentDate(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Parses a raw RFC 5322 message into the store's index. Never throws for bad input: a message
 * that cannot be parsed is indexed as one opaque part so that it is still stored and downloadable.
 */
export async function parseMessage(raw: Uint8Array): Promise<ParsedMessage> {
  let parsed;
  try {
    parsed = await parseWithPostal(raw);
  } catch {
    parsed = null;
  }
  const bodyStructure = parsed ? toPart(parsed.root, '1', 0, { parts: 0 }) : opaque(raw);
  // A single-part message has partId "1"; in multiparts the leaves are numbered like IMAP sections.
  const lists = bodyLists(bodyStructure);
  const email = parsed?.email;

  const firstText = lists.textBody.find((p) => p.text !== null && p.type === 'text/plain');
  const firstHtml = lists.htmlBody.find((p) => p.text !== null && p.type === 'text/html');
  const bodyText = firstText?.text ?? (firstHtml?.text ? htmlToText(firstHtml.text) : '');
  const attachmentNames = lists.attachments.map((p) => p.name ?? '').join(' ');

  return {
    bodyStructure,
    ...lists,
    messageId: messageIds(email?.messageId),
    inReplyTo: messageIds(email?.inReplyTo),
    references: messageIds(email?.references),
    sender: addresses(email?.sender as PostalAddress | undefined),
    from: addresses(email?.from as PostalAddress | undefined),
    to: addresses(email?.to as PostalAddress[] | undefined),
    cc: addresses(email?.cc as PostalAddress[] | undefined),
    bcc: addresses(email?.bcc as PostalAddress[] | undefined),
    replyTo: addresses(email?.replyTo as PostalAddress[] | undefined),
    subject: email?.subject ?? null,
    sentAt: sentDate(email?.date),
    preview: collapseWhitespace(bodyText).slice(0, mimeLimits.previewChars),
    // Inline images referenced from HTML are not what a person calls an attachment.
    hasAttachment: lists.attachments.some(
      (p) => !(p.cid && p.disposition !== 'attachment' && p.type.startsWith('image/')),
    ),
    indexText: `${bodyText.slice(0, mimeLimits.maxIndexedTextChars)} ${attachmentNames}`,
  };
}
