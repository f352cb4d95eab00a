import type { Email, EmailAddress, EmailBodyPart, Identity } from '@colibri/jmap-types';
import type { DraftAttachment, DraftContent, ComposeMode } from './draft';
import { emptyContent } from './draft';
import { CID_ATTRIBUTE } from './email-create';
import { attribution, forwardBody, forwardHeaderLines, replyQuote } from './quote';
import type { DateFormat, SourceBody } from './quote';
import { replyRecipients } from './recipients';
import { replyThreading } from './references';
import { signatureBlock } from './signature';
import { forwardSubject, replySubject } from './subject';

/** What of an email composing uses (answered, forwarded or reopened as a draft). */
export type SourceMessage = Pick<
  Email,
  | 'messageId'
  | 'inReplyTo'
  | 'references'
  | 'from'
  | 'to'
  | 'cc'
  | 'bcc'
  | 'replyTo'
  | 'subject'
  | 'sentAt'
  | 'receivedAt'
> & {
  attachments: Pick<EmailBodyPart, 'blobId' | 'name' | 'type' | 'size' | 'cid' | 'disposition'>[];
  body: SourceBody;
};

export interface ContentContext {
  identities: Pick<Identity, 'id' | 'email' | 'textSignature' | 'htmlSignature'>[];
  /** The account's own addresses, never answered in a reply-all. */
  ownAddresses: string[];
  format: 'rich' | 'plain';
  date: DateFormat;
}

const lower = (email: string) => email.toLowerCase();

/** The identity a message was addressed to (so a reply goes out from it), else the first. */
export function identityFor(context: ContentContext, addressed: readonly EmailAddress[]) {
  const emails = new Set(addressed.map((a) => lower(a.email)));
  return context.identities.find((identity) => emails.has(lower(identity.email))) ?? context.identities[0];
}

let localIds = 0;
export function newLocalId(): string {
  localIds += 1;
  return `file-${Date.now().toString(36)}-${localIds}`;
}

/** A part of an existing email, as an already uploaded file of the composer. */
export function attachmentOf(
  part: SourceMessage['attachments'][number],
  cid: string | null,
): DraftAttachment {
  return {
    localId: newLocalId(),
    name: part.name ?? 'attachment',
    type: part.type,
    size: part.size,
    blobId: part.blobId,
    status: 'done',
    progress: 1,
    error: null,
    cid,
  };
}

/** The body of a new message: an empty line to write on, the signature, then `after`. */
function body(format: 'rich' | 'plain', signature: string, after: string): { html: string; text: string } {
  if (format === 'plain')
    return { html: '', text: ['', '', signature, after].filter((s, i) => i < 2 || s).join('\n') };
  return { html: `<p></p>${signature}${after ? `<p></p>${after}` : ''}`, text: '' };
}

/** The content a composer starts with: a new message, or an answer or forward of `source`. */
export function initialContent(
  mode: ComposeMode,
  source: SourceMessage | null,
  context: ContentContext,
): DraftContent {
  const { format } = context;
  if (mode === 'new' || source === null) {
    const identity = context.identities[0];
    return {
      ...emptyContent,
      format,
      identityId: identity?.id ?? null,
      ...body(format, signatureBlock(identity, format), ''),
    };
  }
  const addressed = [...(source.to ?? []), ...(source.cc ?? []), ...(source.bcc ?? [])];
  const identity = identityFor(context, addressed);
  const signature = signatureBlock(identity, format);
  if (mode === 'forward') {
    const lines = forwardHeaderLines(source, context.date);
    return {
      ...emptyContent,
      format,
      identityId: identity?.id ?? null,
      subject: forwardSubject(source.subject),
      ...body(format, signature, forwardBody(lines, source.body, format)),
      // The original's files go along, by blob: nothing is uploaded again (RFC 8621 §4.6).
      attachments: source.attachments
        .filter((part) => part.blobId && part.disposition !== 'inline')
        .map((part) => attachmentOf(part, null)),
    };
  }
  const { to, cc } = replyRecipients(source, context.ownAddresses, mode);
  const header = attribution(source.sentAt ?? source.receivedAt, source.from?.[0], context.date);
  return {
    ...emptyContent,
    format,
    identityId: identity?.id ?? null,
    to,
    cc,
    subject: replySubject(source.subject),
    ...replyThreading(source),
    ...body(format, signature, replyQuote(header, source.body, format)),
  };
}

/**
 * A saved draft back in a composer: its fields as they were; its HTML body with inline images
 * shown from their blobs (`downloadUrl`) and marked with their cid again; its files.
 */
export function contentOfDraft(
  draft: SourceMessage,
  context: Pick<ContentContext, 'identities'>,
  downloadUrl: (part: SourceMessage['attachments'][number]) => string,
): DraftContent {
  const fromEmail = draft.from?.[0]?.email;
  const identity =
    context.identities.find((i) => fromEmail && lower(i.email) === lower(fromEmail)) ?? context.identities[0];
  const byCid = new Map(
    draft.attachments
      .filter((part) => part.cid && part.blobId)
      .map((part) => [part.cid!.replace(/^<|>$/g, ''), part]),
  );
  let html = '';
  const usedCids = new Set<string>();
  if (draft.body.html !== null) {
    const doc = new DOMParser().parseFromString(draft.body.html, 'text/html');
    doc.querySelectorAll('img[src^="cid:" i]').forEach((img) => {
      const cid = (img.getAttribute('src') ?? '').slice(4);
      const part = byCid.get(cid);
      if (!part) return img.remove();
      usedCids.add(cid);
      img.setAttribute('src', downloadUrl(part));
      img.setAttribute(CID_ATTRIBUTE, cid);
    });
    html = doc.body.innerHTML;
  }
  const attachments = draft.attachments
    .filter((part) => part.blobId)
    .map((part) => {
      const cid = part.cid?.replace(/^<|>$/g, '') ?? null;
      return attachmentOf(part, cid !== null && usedCids.has(cid) ? cid : null);
    });
  const rich = draft.body.html !== null;
  return {
    identityId: identity?.id ?? null,
    to: draft.to ?? [],
    cc: draft.cc ?? [],
    bcc: draft.bcc ?? [],
    subject: draft.subject ?? '',
    format: rich ? 'rich' : 'plain',
    html: rich ? html : '',
    text: rich ? '' : (draft.body.text ?? ''),
    attachments,
    inReplyTo: draft.inReplyTo,
    references: draft.references,
  };
}
