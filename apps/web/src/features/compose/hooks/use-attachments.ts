import { useCallback } from 'react';
import { useJmapHeaders } from '../../../lib/jmap';
import type { ComposeAccount } from '../api/get-compose-account';
import { UploadError, uploadBlob } from '../api/upload-blob';
import type { DraftAttachment } from '../lib/draft';
import { newLocalId } from '../lib/initial-content';
import { composeMessages } from '../messages';
import { useComposerActions } from '../stores/composer-store';

/** Uploads in progress, by the attachment's local id, so that they can be canceled. */
const uploads = new Map<string, AbortController>();

/** A cid for an inline image (RFC 2392): unique, with a domain part as Message-IDs have. */
export function newCid(): string {
  return `${crypto.randomUUID()}@colibri`;
}

export interface AddedFile {
  localId: string;
  cid: string | null;
}

/**
 * Files of a composer: each is uploaded at once (RFC 8620 §6.1) with its progress in the store;
 * one larger than the server's maxSizeUpload is refused before any byte is sent.
 */
export function useAttachments(composerId: string, account: ComposeAccount) {
  const headers = useJmapHeaders();
  const { attachmentAdded, attachmentChanged, attachmentRemoved } = useComposerActions();

  const addFile = useCallback(
    (file: File, options: { inline?: boolean } = {}): AddedFile => {
      const localId = newLocalId();
      const cid = options.inline ? newCid() : null;
      const tooLarge = account.maxSizeUpload > 0 && file.size > account.maxSizeUpload;
      const attachment: DraftAttachment = {
        localId,
        name: file.name || composeMessages.untitledFile,
        type: file.type || 'application/octet-stream',
        size: file.size,
        blobId: null,
        status: tooLarge ? 'error' : 'uploading',
        progress: 0,
        error: tooLarge ? composeMessages.fileTooLarge(account.maxSizeUpload) : null,
        cid,
      };
      attachmentAdded(composerId, attachment);
      if (tooLarge) return { localId, cid };
      const controller = new AbortController();
      uploads.set(localId, controller);
      uploadBlob({
        session: account.session,
        accountId: account.accountId,
        file,
        headers: headers(),
        signal: controller.signal,
        onProgress: (progress) => attachmentChanged(composerId, localId, { progress }),
      })
        .then((blob) =>
          attachmentChanged(composerId, localId, {
            blobId: blob.blobId,
            type: blob.type || attachment.type,
            size: blob.size,
            status: 'done',
            progress: 1,
          }),
        )
        .catch((error: unknown) => {
          if (error instanceof UploadError && error.aborted) return;
          const message = error instanceof UploadError ? error.message : composeMessages.uploadError;
          attachmentChanged(composerId, localId, { status: 'error', error: message });
        })
        .finally(() => uploads.delete(localId));
      return { localId, cid };
    },
    [account, composerId, headers, attachmentAdded, attachmentChanged],
  );

  /** Removes a file; one still uploading is canceled (the request is aborted). */
  const removeFile = useCallback(
    (localId: string) => {
      uploads.get(localId)?.abort();
      uploads.delete(localId);
      attachmentRemoved(composerId, localId);
    },
    [composerId, attachmentRemoved],
  );

  return { addFile, removeFile };
}

/** Cancels every upload of a closed composer. */
export function cancelUploads(attachments: readonly DraftAttachment[]) {
  for (const attachment of attachments) {
    uploads.get(attachment.localId)?.abort();
    uploads.delete(attachment.localId);
  }
}
