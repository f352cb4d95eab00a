import { Readable } from 'node:stream';
import { blobIdOf } from '../blobs/blob-id.js';
import type { BlobStore } from '../blobs/blob-store.js';
import type { BlobId } from '../model.js';
import { parseMimeTree, type MimePart } from '../mime/mime-tree.js';
import type { Db } from './open-database.js';

/**
 * Leaf parts are content-addressed like every blob (`G` + sha256 of the decoded bytes) but not
 * written as files of their own (stores imported into before this kept such files, which are still
 * read first): the raw message already holds them, and writing and fsyncing one more file per part
 * cost more than parsing them again. Their bytes
 * are decoded from the raw message of an email that lists them (`email_blobs`) when read. The hash
 * is checked on the way out, so a parser that splits differently one day finds the part by its
 * content, or answers null (and `checkIntegrity` names it), never other bytes.
 */
export async function readPartBlob(db: Db, blobs: BlobStore, blobId: BlobId): Promise<Uint8Array | null> {
  // Emails whose raw message is not this blob itself but lists it: one of them holds its bytes.
  const holders = db
    .prepare(
      `SELECT e.blob_id FROM email_blobs b JOIN emails e ON e.id = b.email_id
        WHERE b.blob_id = ? AND e.blob_id <> b.blob_id LIMIT ${maxHoldersTried}`,
    )
    .all(blobId) as { blob_id: BlobId }[];
  for (const { blob_id: rawId } of holders) {
    const raw = await blobs.read(rawId);
    if (!raw) continue;
    const found = findLeaf(parseMimeTree(raw).root, blobId);
    if (found) return found;
  }
  return null;
}

/** A few holders are enough: they all hold the same bytes unless one's raw blob is lost. */
const maxHoldersTried = 3;

function findLeaf(part: MimePart, blobId: BlobId): Uint8Array | null {
  if (part.content && blobIdOf(part.content) === blobId) return part.content;
  for (const sub of part.subParts ?? []) {
    const found = findLeaf(sub, blobId);
    if (found) return found;
  }
  return null;
}

/** `readPartBlob` in the shape of `BlobStore.open`. */
export async function openPartBlob(
  db: Db,
  blobs: BlobStore,
  blobId: BlobId,
): Promise<{ size: number; stream: Readable } | null> {
  const bytes = await readPartBlob(db, blobs, blobId);
  return bytes ? { size: bytes.byteLength, stream: Readable.from([Buffer.from(bytes)]) } : null;
}
