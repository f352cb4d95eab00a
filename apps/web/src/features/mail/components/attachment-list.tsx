import { useState } from 'react';
import { downloadUrlFor } from '@colibri/jmap-client';
import type { EmailBodyPart, Id, Session } from '@colibri/jmap-types';
import { FileIcon } from '../../../components/icons';
import { conversationMessages } from '../conversation-messages';
import { openBlobInNewTab } from '../lib/conversation-open-blob';
import { formatSize } from '../lib/format';
import { mailMessages } from '../messages';

export interface AttachmentListProps {
  session: Session;
  accountId: Id;
  attachments: readonly EmailBodyPart[];
}

/** Image types the browser shows in an <img> (which never runs script, SVG included). */
const PREVIEWABLE_IMAGE = /^image\/(png|jpe?g|gif|webp|avif|bmp|svg\+xml)$/i;
/** Larger images are not previewed: a thumbnail must not cost the download of a photo album. */
export const MAX_PREVIEW_BYTES = 10_000_000;

type Downloadable = EmailBodyPart & { blobId: Id };

/** "PDF", "PNG", "ZIP": the subtype people know, from the MIME type. */
function typeLabel(type: string): string {
  const subtype = type.split('/')[1]?.split(';')[0] ?? type;
  return subtype.replace(/^(x-|vnd\.)/, '').toUpperCase();
}

function Attachment({ session, accountId, part }: { session: Session; accountId: Id; part: Downloadable }) {
  const [error, setError] = useState(false);
  const name = part.name ?? mailMessages.untitledAttachment;
  const type = part.type.toLowerCase();
  const href = downloadUrlFor(session, { accountId, blobId: part.blobId, name, type: part.type });
  const size = formatSize(part.size, mailMessages.locale);
  const preview = PREVIEWABLE_IMAGE.test(type) && part.size <= MAX_PREVIEW_BYTES;
  return (
    <li className="conversation-attachment">
      {preview && (
        <img
          className="conversation-attachment__preview"
          src={href}
          alt={conversationMessages.previewOf(name)}
          loading="lazy"
          decoding="async"
        />
      )}
      <a
        className="attachment"
        href={href}
        download={name}
        aria-label={`${mailMessages.download(name)}, ${typeLabel(type)}, ${size}`}
      >
        <FileIcon className="attachment__icon" width={20} height={20} />
        <span className="attachment__name">{name}</span>
        <span className="attachment__size">
          {typeLabel(type)} · {size}
        </span>
      </a>
      {type === 'application/pdf' && (
        <button
          type="button"
          className="conversation-attachment__open"
          onClick={() => openBlobInNewTab(href, 'application/pdf').catch(() => setError(true))}
        >
          {conversationMessages.openPdf(name)}
        </button>
      )}
      {error && <span role="alert">{conversationMessages.openError}</span>}
    </li>
  );
}

/** The email's attachments with size and type, image previews, PDFs openable, all downloadable. */
export function AttachmentList({ session, accountId, attachments }: AttachmentListProps) {
  const downloadable = attachments.filter((part): part is Downloadable => part.blobId !== null);
  if (downloadable.length === 0) return null;
  return (
    <section className="attachments" aria-label={mailMessages.attachmentsHeading(downloadable.length)}>
      <h3 className="attachments__heading">{mailMessages.attachmentsHeading(downloadable.length)}</h3>
      <ul className="attachments__list">
        {downloadable.map((part, index) => (
          <Attachment
            key={part.partId ?? `${part.blobId}-${index}`}
            session={session}
            accountId={accountId}
            part={part}
          />
        ))}
      </ul>
    </section>
  );
}
