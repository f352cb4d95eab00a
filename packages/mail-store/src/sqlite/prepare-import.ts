import { createHash, type Hash } from 'node:crypto';
import { blobIdOf } from '../blobs/blob-id.js';
import type { BlobStore } from '../blobs/blob-store.js';
import { TooLargeError } from '../errors.js';
import type { BlobId, BodyPart } from '../model.js';
import { mimeLimits } from '../mime/limits.js';
import type { MimePart, MimeTree } from '../mime/mime-tree.js';
import { createMimeWalker, type LeafSink, type MimeLeaf } from '../mime/mime-walker.js';
import {
  indexedTextBytes,
  indexMessage,
  isIndexedText,
  parseMessage,
  type ParsedMessage,
} from '../mime/parse-message.js';

/**
 * A message ready to be indexed: parsed, its raw bytes already stored as a blob, its leaves
 * addressed. Made outside the transaction (`prepareImportBytes`, `prepareImportStream`), so that
 * `commitImport` does only metadata work.
 */
export interface PreparedImport {
  rawBlobId: BlobId;
  size: number;
  parsed: Omit<ParsedMessage, 'bodyStructure' | 'textBody' | 'htmlBody' | 'attachments'>;
  bodyStructure: BodyPart;
  /** Part ids of the RFC 8621 §4.1.4 lists. */
  textBody: string[];
  htmlBody: string[];
  attachments: string[];
  attachmentNames: string[];
  /** Every blob the email refers to (raw message and leaves): the account's references. */
  blobIds: Set<BlobId>;
}

/** TooLargeError past `mimeLimits.maxMessageBytes`. */
export function assertMessageSize(bytes: number): void {
  if (bytes > mimeLimits.maxMessageBytes)
    throw new TooLargeError(`Messages are limited to ${mimeLimits.maxMessageBytes} bytes`);
}

/**
 * Parses the raw message and addresses its decoded leaves (content-addressed) without storing
 * anything: the raw blob's id is the hash of its bytes, which the caller stores. Pure CPU work
 * (parse, hash), so that it can run in a worker thread (`prepare-pool.ts`).
 */
export function prepareImportBytes(
  raw: Uint8Array,
  /** The raw blob's id when the caller already hashed it (a staged small blob): not hashed twice. */
  rawBlobId?: BlobId,
): PreparedImport {
  assertMessageSize(raw.byteLength);
  const parsed = parseMessage(raw);
  return prepared(rawBlobId ?? blobIdOf(raw), raw.byteLength, parsed, (part) =>
    part.content ? blobIdOf(part.content) : null,
  );
}

/** `prepareImportBytes` for a tree the caller walked itself (it keeps the leaves' contents). */
export function prepareTree(raw: Uint8Array, tree: MimeTree): PreparedImport {
  return prepared(blobIdOf(raw), raw.byteLength, indexMessage(tree), (part) =>
    part.content ? blobIdOf(part.content) : null,
  );
}

/**
 * `prepareImportBytes` for a message that must never sit whole in memory (a 50 MB attachment): each
 * chunk goes both to the raw blob (`putStream`, which refuses past `maxMessageBytes`) and through
 * the MIME walker, whose sinks hash each leaf as it is decoded (its blob id) and keep only the
 * first `indexedTextBytes` of the text leaves the index reads. Same result as `prepareImport`.
 */
export async function prepareImportStream(
  blobs: BlobStore,
  source: AsyncIterable<Uint8Array>,
): Promise<PreparedImport> {
  const leafIds = new Map<string, BlobId>();
  const walker = createMimeWalker({ onLeaf: (leaf) => hashingSink(leaf, leafIds) });
  async function* walked() {
    for await (const chunk of source) {
      walker.write(chunk);
      yield chunk;
    }
  }
  const { blobId, size } = await blobs.putStream(walked(), mimeLimits.maxMessageBytes);
  const parsed = indexMessage(walker.end());
  return prepared(blobId, size, parsed, (part) => (part.partId ? (leafIds.get(part.partId) ?? null) : null));
}

/** Hashes a leaf's decoded bytes into `ids` (by part id) at its end; keeps what the index reads. */
function hashingSink(leaf: MimeLeaf, ids: Map<string, BlobId>): LeafSink {
  let hash: Hash = createHash('sha256');
  const keep = isIndexedText(leaf.type);
  let kept: Buffer[] = [];
  let keptBytes = 0;
  return {
    write(decoded) {
      hash.update(decoded);
      if (keep && keptBytes < indexedTextBytes) {
        const piece = Buffer.from(decoded.subarray(0, indexedTextBytes - keptBytes)); // a copy
        kept.push(piece);
        keptBytes += piece.byteLength;
      }
    },
    end() {
      ids.set(leaf.partId, `G${hash.digest('hex')}` as BlobId);
      return keep ? Buffer.concat(kept) : undefined;
    },
    abort() {
      hash = createHash('sha256');
      kept = [];
      keptBytes = 0;
    },
  };
}

function prepared(
  rawBlobId: BlobId,
  size: number,
  { bodyStructure: tree, textBody, htmlBody, attachments, ...parsed }: ParsedMessage,
  leafId: (part: MimePart) => BlobId | null,
): PreparedImport {
  const blobIds = new Set<BlobId>([rawBlobId]);
  const partIds = (parts: MimePart[]) => parts.flatMap((p) => (p.partId ? [p.partId] : []));
  return {
    rawBlobId,
    size,
    parsed,
    bodyStructure: addressParts(tree, blobIds, leafId),
    textBody: partIds(textBody),
    htmlBody: partIds(htmlBody),
    attachments: partIds(attachments),
    attachmentNames: attachments.map((p) => p.name ?? ''),
    blobIds,
  };
}

/**
 * The tree with each leaf's blob id: the sha256 of its decoded content, which is NOT written as a
 * blob (the raw message holds it; see part-blobs.ts), only listed in `ids` for the references.
 */
function addressParts(part: MimePart, ids: Set<BlobId>, leafId: (part: MimePart) => BlobId | null): BodyPart {
  const blobId = part.subParts ? null : leafId(part);
  if (blobId) ids.add(blobId);
  const subParts = part.subParts ? part.subParts.map((p) => addressParts(p, ids, leafId)) : null;
  const { content: _content, ...rest } = part;
  return { ...rest, blobId, subParts };
}
