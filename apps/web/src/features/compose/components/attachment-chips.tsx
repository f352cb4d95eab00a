import type { DraftAttachment } from '../lib/draft';
import { composeMessages } from '../messages';

function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** The composer's files (not the inline images), with upload progress, cancel and remove. */
export function AttachmentChips({
  attachments,
  onRemove,
}: {
  attachments: DraftAttachment[];
  onRemove: (localId: string) => void;
}) {
  const files = attachments.filter((a) => a.cid === null);
  if (files.length === 0) return null;
  return (
    <ul className="composer__files" aria-label={composeMessages.attachedFiles}>
      {files.map((file) => (
        <li key={file.localId} className={`composer__file composer__file--${file.status}`}>
          <span className="composer__file-name">{file.name}</span>
          <span className="composer__file-size">{formatSize(file.size)}</span>
          {file.status === 'uploading' && (
            <progress
              className="composer__file-progress"
              max={1}
              value={file.progress}
              aria-label={composeMessages.uploadProgress(file.name)}
            />
          )}
          {file.error && (
            <span role="alert" className="composer__error">
              {file.error}
            </span>
          )}
          <button
            type="button"
            className="composer__chip-remove"
            aria-label={
              file.status === 'uploading'
                ? composeMessages.cancelUpload(file.name)
                : composeMessages.removeFile(file.name)
            }
            onClick={() => onRemove(file.localId)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
