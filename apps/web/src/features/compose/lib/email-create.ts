import { Keyword } from '@colibri/jmap-types';
import type { Email, EmailAddress, Id, Identity } from '@colibri/jmap-types';
import type { DraftContent } from './draft';
import { htmlToText } from './html-text';

/** Marks an image of the rich body that is sent as an inline part (its value is the cid). */
export const CID_ATTRIBUTE = 'data-cid';

export interface EmailCreateContext {
  identity: Pick<Identity, 'name' | 'email' | 'replyTo'>;
  draftsMailboxId: Id;
}

/**
 * The HTML part to send: a whole document, its inline images pointing at their parts (`cid:`,
 * RFC 2392) instead of the URLs the editor shows them with.
 */
export function htmlForSending(editorHtml: string): string {
  const doc = new DOMParser().parseFromString(editorHtml, 'text/html');
  doc.querySelectorAll(`img[${CID_ATTRIBUTE}]`).forEach((img) => {
    img.setAttribute('src', `cid:${img.getAttribute(CID_ATTRIBUTE) ?? ''}`);
    img.removeAttribute(CID_ATTRIBUTE);
  });
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${doc.body.innerHTML}</body></html>`;
}

const orNull = (addresses: EmailAddress[]) => (addresses.length > 0 ? addresses : undefined);

/**
 * RFC 8621 §4.6: the Email/set create of a draft in the Drafts mailbox ($draft, $seen), from the
 * identity. A rich body is a text/plain + text/html alternative (the server builds the
 * multipart/alternative; inline images with a cid go beside the HTML as multipart/related); a
 * plain one is text/plain only. Only uploaded attachments are part of it.
 */
export function buildEmailCreate(content: DraftContent, context: EmailCreateContext): Partial<Email> {
  const uploaded = content.attachments.filter((a) => a.status === 'done' && a.blobId !== null);
  const rich = content.format === 'rich';
  const html = rich ? htmlForSending(content.html) : null;
  // An inline image deleted from the body is no longer sent.
  const usedCids = new Set(
    rich ? [...content.html.matchAll(/data-cid="([^"]+)"/g)].map((match) => match[1]) : [],
  );
  const attachments = uploaded
    .filter((a) => a.cid === null || (rich && usedCids.has(a.cid)))
    .map((a) => ({
      blobId: a.blobId!,
      type: a.type || 'application/octet-stream',
      name: a.name,
      disposition: a.cid === null ? 'attachment' : 'inline',
      ...(a.cid === null ? {} : { cid: a.cid }),
    }));
  const text = rich ? htmlToText(content.html) : content.text;
  const create: Partial<Email> = {
    mailboxIds: { [context.draftsMailboxId]: true },
    keywords: { [Keyword.Draft]: true, [Keyword.Seen]: true },
    from: [{ name: context.identity.name || null, email: context.identity.email }],
    subject: content.subject,
    textBody: [{ partId: 'text', type: 'text/plain' } as Email['textBody'][number]],
    bodyValues: {
      text: { value: text, isEncodingProblem: false, isTruncated: false },
      ...(html === null ? {} : { html: { value: html, isEncodingProblem: false, isTruncated: false } }),
    },
  };
  const to = orNull(content.to);
  const cc = orNull(content.cc);
  const bcc = orNull(content.bcc);
  if (to) create.to = to;
  if (cc) create.cc = cc;
  if (bcc) create.bcc = bcc;
  if (context.identity.replyTo?.length) create.replyTo = context.identity.replyTo;
  if (content.inReplyTo?.length) create.inReplyTo = content.inReplyTo;
  if (content.references?.length) create.references = content.references;
  if (html !== null) create.htmlBody = [{ partId: 'html', type: 'text/html' } as Email['htmlBody'][number]];
  if (attachments.length > 0) create.attachments = attachments as unknown as Email['attachments'];
  return create;
}
