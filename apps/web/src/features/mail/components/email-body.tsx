import type { EmailBodyPart } from '@colibri/jmap-types';
import type { EmailDetail } from '../api/get-email';
import { mailMessages } from '../messages';
import { HtmlBody } from './html-body';
import { TextBody } from './text-body';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function valueOf(email: EmailDetail, part: EmailBodyPart): string | null {
  return part.partId ? (email.bodyValues[part.partId]?.value ?? null) : null;
}

function isTruncated(email: EmailDetail, parts: readonly EmailBodyPart[]): boolean {
  return parts.some((part) => (part.partId ? email.bodyValues[part.partId]?.isTruncated : false));
}

/**
 * Picks how to show the body (RFC 8621 §4.1.4): `htmlBody` when it holds an HTML part, its
 * text parts inlined as <pre>; otherwise the text/plain parts of `textBody`, as text.
 */
export function EmailBody({ email }: { email: EmailDetail }) {
  const subject = email.subject?.trim() || mailMessages.noSubject;
  const hasHtml = email.htmlBody.some((part) => part.type === 'text/html' && valueOf(email, part) !== null);
  const parts = hasHtml ? email.htmlBody : email.textBody.filter((part) => part.type === 'text/plain');
  const truncated = isTruncated(email, parts) && <p className="reader__notice">{mailMessages.truncated}</p>;

  if (hasHtml) {
    const html = email.htmlBody
      .map((part) => {
        const value = valueOf(email, part);
        if (value === null) return '';
        return part.type === 'text/html' ? value : `<pre>${escapeHtml(value)}</pre>`;
      })
      .join('\n');
    return (
      <>
        {truncated}
        <HtmlBody html={html} subject={subject} />
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
      <TextBody text={text} />
    </>
  );
}
