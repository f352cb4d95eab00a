import type { BlobId, BodyPart } from '../model.js';
import type { EmailIndex } from './email-rows.js';

/**
 * The blobs an email refers to, as import lists them in `email_blobs`: its raw message and the blob
 * id of every leaf of its body structure (multiparts have none). Destroying an email deletes
 * exactly these rows (the table is keyed by blob: migration 31).
 */
export function emailBlobIds(rawBlobId: BlobId, index: Pick<EmailIndex, 'bodyStructure'>): Set<BlobId> {
  const ids = new Set<BlobId>([rawBlobId]);
  const visit = (part: BodyPart) => {
    if (part.blobId) ids.add(part.blobId);
    for (const sub of part.subParts ?? []) visit(sub);
  };
  visit(index.bodyStructure);
  return ids;
}
