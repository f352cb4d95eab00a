import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { blobIdOf } from '../blobs/blob-id.js';
import type { BlobStore } from '../blobs/blob-store.js';
import type { BlobId, BodyPart } from '../model.js';
import { createMimeWalker } from '../mime/mime-walker.js';
import type { EmailIndex } from './email-rows.js';
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

/**
 * `readPartBlob` as a stream, for parts too big to hold (a 50 MB attachment): the message is
 * streamed through the MIME walker and only the part's decoded bytes come out, with the size its
 * email recorded. The hash is checked at the end: a mismatch (a parser that splits differently
 * since) ends the stream with an error rather than with other bytes.
 */
export async function openPartBlob(
  db: Db,
  blobs: BlobStore,
  blobId: BlobId,
): Promise<{ size: number; stream: Readable } | null> {
  const holder = db
    .prepare(
      `SELECT e.blob_id, e.index_json FROM email_blobs b JOIN emails e ON e.id = b.email_id
        WHERE b.blob_id = ? AND e.blob_id <> b.blob_id LIMIT 1`,
    )
    .get(blobId) as { blob_id: BlobId; index_json: string } | undefined;
  if (!holder) return null;
  const part = findPart((JSON.parse(holder.index_json) as EmailIndex).bodyStructure, blobId);
  const raw = part?.partId ? await blobs.open(holder.blob_id) : null;
  if (!part?.partId || !raw) return null;
  const out = new PassThrough();
  const hash = createHash('sha256');
  const walker = createMimeWalker({
    onLeaf: (leaf) =>
      leaf.partId === part.partId
        ? {
            write(decoded) {
              hash.update(decoded);
              out.write(Buffer.from(decoded));
            },
            end() {},
            abort() {
              out.destroy(new Error(`Part ${part.partId} of ${holder.blob_id} is not where it was`));
            },
          }
        : { write() {}, end() {}, abort() {} },
  });
  void (async () => {
    for await (const chunk of raw.stream as AsyncIterable<Buffer>) {
      if (out.destroyed) break;
      walker.write(chunk);
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    walker.end();
    if (`G${hash.digest('hex')}` !== blobId) throw new Error(`Part ${blobId} no longer decodes to its hash`);
    out.end();
  })().catch((error: unknown) => {
    raw.stream.destroy();
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return { size: part.size, stream: out };
}

function findPart(part: BodyPart, blobId: BlobId): BodyPart | null {
  if (part.blobId === blobId) return part;
  for (const sub of part.subParts ?? []) {
    const found = findPart(sub, blobId);
    if (found) return found;
  }
  return null;
}
