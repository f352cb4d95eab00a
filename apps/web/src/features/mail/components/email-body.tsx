import { useMemo, useState, useSyncExternalStore } from 'react';
import type { EmailBodyPart, Id, Session } from '@colibri/jmap-types';
import { useInlineImages } from '../api/conversation-inline-images';
import type { EmailDetail } from '../api/get-email';
import { inlineImageParts, replaceCids } from '../lib/conversation-inline-images';
import { splitPlainTextQuote } from '../lib/conversation-quotes';
import {
  allowRemoteContentFor,
  isRemoteContentAllowedFor,
  subscribeRemoteSenders,
} from '../lib/conversation-remote-senders';
import { emailHtmlOf, prepareEmailHtml, trustedSenderOf } from '../lib/prepared-email-html';
import { conversationMessages } from '../conversation-messages';
import { mailMessages } from '../messages';
import { ConversationRemoteBanner } from './conversation-remote-banner';
import { HtmlBody } from './html-body';
import { TextBody } from './text-body';

function valueOf(email: EmailDetail, part: EmailBodyPart): string | null {
  return part.partId ? (email.bodyValues[part.partId]?.value ?? null) : null;
}

function isTruncated(email: EmailDetail, parts: readonly EmailBodyPart[]): boolean {
  return parts.some((part) => (part.partId ? email.bodyValues[part.partId]?.isTruncated : false));
}

function QuoteToggle({ shown, onToggle }: { shown: boolean; onToggle: () => void }) {
  return (
    <button type="button" className="conversation-quote-toggle" aria-expanded={shown} onClick={onToggle}>
      <span aria-hidden="true">•••</span>{' '}
      {shown ? conversationMessages.hideQuoted : conversationMessages.showQuoted}
    </button>
  );
}

/** Whether remote images show for this sender: allowed always (localStorage) or once (state). */
function useRemoteImages(senderEmail: string | undefined) {
  const always = useSyncExternalStore(subscribeRemoteSenders, () => isRemoteContentAllowedFor(senderEmail));
  const [once, setOnce] = useState(false);
  return {
    allowed: always || once,
    allowOnce: () => setOnce(true),
    allowAlways: senderEmail ? () => allowRemoteContentFor(senderEmail) : undefined,
  };
}

interface BodyContext {
  session: Session;
  accountId: Id;
  email: EmailDetail;
}

function HtmlEmailBody({
  session,
  accountId,
  email,
  html,
  subject,
}: BodyContext & { html: string; subject: string }) {
  // A sender that imitates another is never trusted for good: its images may be allowed once.
  const sender = trustedSenderOf(email);
  const remote = useRemoteImages(sender);
  const [quoteShown, setQuoteShown] = useState(false);
  // Sanitised once per message (and option), then kept: reopening costs no DOMPurify run.
  const { sanitized, folded, cids } = useMemo(
    () => prepareEmailHtml(html, { allowRemoteImages: remote.allowed }),
    [html, remote.allowed],
  );
  const inlineParts = useMemo(
    () => inlineImageParts([...email.attachments, ...email.htmlBody], cids),
    [email.attachments, email.htmlBody, cids],
  );
  const inlineImages = useInlineImages(session, accountId, inlineParts);
  const shown = folded !== null && !quoteShown ? folded : sanitized.html;
  const withImages = useMemo(() => replaceCids(shown, inlineImages), [shown, inlineImages]);
  return (
    <>
      <ConversationRemoteBanner
        counts={sanitized.remoteContent}
        imagesAllowed={remote.allowed}
        sender={sender}
        onAllowOnce={remote.allowOnce}
        onAllowSender={remote.allowAlways}
      />
      <HtmlBody sanitizedHtml={withImages} subject={subject} allowRemoteImages={remote.allowed} />
      {folded !== null && <QuoteToggle shown={quoteShown} onToggle={() => setQuoteShown(!quoteShown)} />}
    </>
  );
}

function TextEmailBody({ text }: { text: string }) {
  const split = useMemo(() => splitPlainTextQuote(text), [text]);
  const [quoteShown, setQuoteShown] = useState(false);
  return (
    <>
      <TextBody text={split.quote !== null && !quoteShown ? split.body : text} />
      {split.quote !== null && <QuoteToggle shown={quoteShown} onToggle={() => setQuoteShown(!quoteShown)} />}
    </>
  );
}

/**
 * Picks how to show the body (RFC 8621 §4.1.4): `htmlBody` when it holds an HTML part, its
 * text parts inlined as <pre>; otherwise the text/plain parts of `textBody`, as text. The
 * trailing quote of earlier messages is folded behind a toggle.
 */
export function EmailBody({ session, accountId, email }: BodyContext) {
  const subject = email.subject?.trim() || mailMessages.noSubject;
  const html = useMemo(() => emailHtmlOf(email), [email]);
  const parts = html !== null ? email.htmlBody : email.textBody.filter((part) => part.type === 'text/plain');
  const truncated = isTruncated(email, parts) && <p className="reader__notice">{mailMessages.truncated}</p>;

  if (html !== null) {
    return (
      <>
        {truncated}
        <HtmlEmailBody session={session} accountId={accountId} email={email} html={html} subject={subject} />
      </>
    );
  }

  const text = parts
    .map((part) => valueOf(email, part))
    .filter((value): value is string => value !== null)
    .join('\n\n');
  if (!text.trim()) return <p className="reader__empty-body">{mailMessages.noBody}</p>;
  return (
    <>
      {truncated}
      <TextEmailBody text={text} />
    </>
  );
}
