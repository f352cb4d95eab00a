import type { Readable } from 'node:stream';
import type { BlobId } from '../model.js';

/**
 * The blob port: immutable, content-addressed bytes. Access control is not its business (the
 * metadata store records which account references which blob); a scale-out backend (S3) implements
 * the same interface.
 */
export interface BlobStore {
  /** Stores the bytes once; storing the same bytes again is a no-op returning the same id. */
  put(bytes: Uint8Array): Promise<BlobId>;
  /**
   * Stores a stream's bytes without holding them in memory: hashed while written to a temporary
   * file, fsynced, renamed into place (or dropped when the blob exists). More than `maxBytes`
   * bytes is a `TooLargeError`, and the temporary file is removed.
   */
  putStream(source: AsyncIterable<Uint8Array>, maxBytes: number): Promise<{ blobId: BlobId; size: number }>;
  /**
   * Stores many at once, with the same guarantees as `put` for each, so that a backend can batch
   * its durability work (one fsync round for the batch). Optional: callers fall back to `put`.
   */
  putMany?(list: Uint8Array[]): Promise<BlobId[]>;
  /**
   * For a store that keeps some blobs as rows of the metadata database: instead of storing the
   * bytes now, returns their id and a `write()` that the caller runs inside its own transaction on
   * that database, so the bytes commit (and are synced) with the rows that reference them, without
   * a transaction of their own. `write()` may run more than once (an upsert). Null when this store
   * does not keep these bytes in the database: `put` them. Optional.
   */
  stageInTransaction?(bytes: Uint8Array): { blobId: BlobId; write(): void } | null;
  has(id: BlobId): Promise<boolean>;
  read(id: BlobId): Promise<Uint8Array | null>;
  open(id: BlobId): Promise<{ size: number; stream: Readable } | null>;
  /**
   * Removes the bytes; true when they existed. Only the store's garbage collection calls it, after
   * the metadata says no account references the blob any more. With `idleMs`, a blob that was put
   * (stored or found already stored) less than `idleMs` ago is kept and false is returned: an
   * import in flight may be about to reference it.
   */
  delete(id: BlobId, options?: { idleMs?: number }): Promise<boolean>;
  /**
   * Every stored blob with when it was last put (written, or claimed by a put of the same bytes),
   * in blob id order, from just after `after` when given. Memory stays bounded (a backend pages
   * through its listing); temporary and half-written files are never listed. Garbage collection
   * uses it to find files no metadata names (an import that died before its commit).
   */
  list(options?: { after?: BlobId }): AsyncIterable<StoredBlob>;
  /**
   * Removes what interrupted writes left behind (temporary files or objects older than an hour,
   * never a write in flight) and returns how many. Garbage collection calls it each run; a
   * backend without temporaries leaves it out.
   */
  sweepTemporaries?(): Promise<number>;
}

/** One entry of `BlobStore.list`. */
export interface StoredBlob {
  blobId: BlobId;
  /** The last put of these bytes: the idle period of garbage collection is measured from it. */
  modifiedAt: Date;
}
