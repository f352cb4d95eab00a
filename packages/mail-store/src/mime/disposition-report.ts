import { decodeWords } from 'postal-mime';
import {
  actionModes,
  dispositionTypes,
  mdnLimits,
  sendingModes,
  type Disposition,
} from '../compose/disposition-notification.js';
import { looksLikeMessage } from '../sqlite/parse-blob.js';
import { decodeText } from './charset.js';
import { lastField, readHeaderBlock, unfold } from './header-block.js';
import { mimeLimits } from './limits.js';
import type { MimePart } from './mime-part.js';
import { parseMimeTree } from './mime-tree.js';

/** A disposition notification read back from a message (RFC 8098 §3), protocol-agnostic. */
export interface DispositionReport {
  subject: string | null;
  /** The first text/plain part (the human-readable explanation), within maxTextBodyChars. */
  textBody: string | null;
  /** True when the third part is the whole original message rather than its headers. */
  includeOriginalMessage: boolean;
  /** The field values as written, unfolded (RFC 8098 §3.2). */
  reportingUA: string | null;
  mdnGateway: string | null;
  originalRecipient: string | null;
  finalRecipient: string | null;
  originalMessageId: string | null;
  disposition: Disposition;
  /** RFC 8098 §3.2.7: every Error field. */
  error: string[] | null;
  /** Any other field (RFC 8098 §3.3 extension fields, also the obsolete Failure/Warning). */
  extensionFields: Record<string, string> | null;
}

const reportTypes = new Set(['message/disposition-notification', 'message/global-disposition-notification']);
const originalTypes = new Set(['message/rfc822', 'message/global']);

const known = new Map<string, keyof DispositionReport>([
  ['reporting-ua', 'reportingUA'],
  ['mdn-gateway', 'mdnGateway'],
  ['original-recipient', 'originalRecipient'],
  ['final-recipient', 'finalRecipient'],
  ['original-message-id', 'originalMessageId'],
]);

const bounded = (value: string) => value.slice(0, mdnLimits.maxFieldChars);

/**
 * RFC 8098 §3.2.6: "action-mode/sending-mode; disposition-type[/modifier,…]", case-insensitive,
 * comments and white space tolerated; null unless each of the three is a known value.
 */
export function parseDisposition(value: string): Disposition | null {
  const match = /^\s*([\w-]+)\s*\/\s*([\w-]+)\s*;\s*([\w-]+)/.exec(value.replace(/\([^()]*\)/g, ' '));
  if (!match) return null;
  const [actionMode, sendingMode, type] = [match[1]!, match[2]!, match[3]!].map((s) => s.toLowerCase());
  const isAction = (s: string | undefined): s is Disposition['actionMode'] =>
    (actionModes as readonly string[]).includes(s ?? '');
  const isSending = (s: string | undefined): s is Disposition['sendingMode'] =>
    (sendingModes as readonly string[]).includes(s ?? '');
  const isType = (s: string | undefined): s is Disposition['type'] =>
    (dispositionTypes as readonly string[]).includes(s ?? '');
  if (!isAction(actionMode) || !isSending(sendingMode) || !isType(type)) return null;
  return { actionMode, sendingMode, type };
}

/**
 * Reads a message as an MDN: a multipart/report (RFC 6522) holding a
 * message/disposition-notification part (RFC 8098 §3) with a valid Disposition field. Null when
 * it is not one (not a message, too large, no such part, no Disposition). Never throws on input:
 * the MIME walker and header reader cut sizes off at mimeLimits; values at mdnLimits.
 */
export function readDispositionReport(raw: Uint8Array): DispositionReport | null {
  if (raw.byteLength > mimeLimits.maxMessageBytes || !looksLikeMessage(raw)) return null;
  const tree = parseMimeTree(raw);
  const parts: MimePart[] = tree.root.subParts ?? [];
  const reportIndex = parts.findIndex((p) => reportTypes.has(p.type.toLowerCase()));
  const report = parts[reportIndex];
  if (report === undefined || report.content === null) return null;

  const { fields } = readHeaderBlock(report.content, 0, report.content.byteLength);
  const dispositionField = lastField(fields, 'disposition');
  const disposition = dispositionField === null ? null : parseDisposition(dispositionField);
  if (disposition === null) return null;

  const result: DispositionReport = {
    subject: null,
    textBody: null,
    includeOriginalMessage: parts.slice(reportIndex + 1).some((p) => originalTypes.has(p.type.toLowerCase())),
    reportingUA: null,
    mdnGateway: null,
    originalRecipient: null,
    finalRecipient: null,
    originalMessageId: null,
    disposition,
    error: null,
    extensionFields: null,
  };
  const errors: string[] = [];
  // A Map, then fromEntries: a field named __proto__ stays a plain key.
  const extensions = new Map<string, string>();
  for (const field of fields) {
    const name = field.name.toLowerCase();
    const value = bounded(unfold(field.value));
    const property = known.get(name);
    if (property !== undefined) (result[property] as string | null) = value;
    else if (name === 'error') {
      if (errors.length < mdnLimits.maxExtensionFields) errors.push(value);
    } else if (name !== 'disposition' && extensions.size < mdnLimits.maxExtensionFields)
      // A repeated extension field keeps its last value, as Disposition does.
      extensions.set(field.name, value);
  }
  if (errors.length > 0) result.error = errors;
  if (extensions.size > 0) result.extensionFields = Object.fromEntries(extensions);

  const subject = lastField(tree.headers, 'subject');
  if (subject !== null) result.subject = bounded(decodeWords(subject).trim());
  const text = parts.slice(0, reportIndex).find((p) => p.type.toLowerCase() === 'text/plain');
  if (text?.content != null)
    result.textBody = decodeText(text.content, text.charset).slice(0, mdnLimits.maxTextBodyChars);
  return result;
}
