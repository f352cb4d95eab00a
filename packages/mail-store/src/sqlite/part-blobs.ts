import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import type { BlobStore } from '../blobs/blob-store.js';
import type { BlobId, BodyPart } from '../model.js';
import { createMimeWalker } from '../mime/mime-walker.js';
import type { EmailIndex } from './email-rows.js';
import type { Db } from './open-database.js';

/**
 * Leaf parts are content-addressed like every blob (`G` + sha256 of the decoded bytes) but not
 * stored as blobs of their own (stores imported into before this kept such files, which are read
 * first): the raw message already holds them, and writing and fsyncing one more file per part
 * cost more than decoding them again. A part is read by streaming a message that lists it
 * (`email_blobs`) through the MIME walker: only the part's decoded bytes come out (a 50 MB
 * attachment is never whole), with the size its email recorded. The hash is checked at the end:
 * a mismatch (a parser that splits differently since) ends the stream with an error, never with
 * other bytes.
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
