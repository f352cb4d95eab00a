import { downloadUrlFor } from '@colibri/jmap-client';
import type { EmailBodyPart, Id, Session } from '@colibri/jmap-types';
import { FileIcon } from '../../../components/icons';
import { formatSize } from '../lib/format';
import { mailMessages } from '../messages';

export interface AttachmentListProps {
  session: Session;
  accountId: Id;
  attachments: readonly EmailBodyPart[];
}

/** The email's attachments, each a download link built from the Session's template (RFC 8620 §6.2). */
export function AttachmentList({ session, accountId, attachments }: AttachmentListProps) {
  const downloadable = attachments.filter(
    (part): part is EmailBodyPart & { blobId: Id } => part.blobId !== null,
  );
  if (downloadable.length === 0) return null;
  return (
    <section className="attachments" aria-labelledby="attachments-heading">
      <h3 id="attachments-heading" className="attachments__heading">
        {mailMessages.attachmentsHeading(downloadable.length)}
      </h3>
      <ul className="attachments__list">
        {downloadable.map((part, index) => {
          const name = part.name ?? mailMessages.untitledAttachment;
          const href = downloadUrlFor(session, { accountId, blobId: part.blobId, name, type: part.type });
          return (
            <li key={part.partId ?? `${part.blobId}-${index}`}>
              <a
                className="attachment"
                href={href}
                download={name}
                aria-label={`${mailMessages.download(name)}, ${formatSize(part.size, mailMessages.locale)}`}
              >
                <FileIcon className="attachment__icon" width={20} height={20} />
                <span className="attachment__name">{name}</span>
                <span className="attachment__size">{formatSize(part.size, mailMessages.locale)}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
