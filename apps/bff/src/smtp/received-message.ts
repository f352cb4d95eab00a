import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { LineEndingGuard } from './line-ending-guard.js';
import { SmtpReply } from './local-delivery.js';

/**
 * Messages up to this size are kept in memory (most mail: no file, no extra system calls); larger
 * ones are spooled to a file, and only their header section is kept, when it ends within this many
 * bytes (the part that trace headers and the forged Authentication-Results removal touch).
 */
export const IN_MEMORY_BYTES = 1024 * 1024;

const CRLFCRLF = Buffer.from('\r\n\r\n');

/**
 * One received message: `head` in memory, then, for a large message, the rest of a spool file.
 * Views made by `prepend` and `withHead` share the file; only the one `receiveMessage` returned
 * owns it and removes it with `dispose()`.
 */
export class ReceivedMessage {
  private constructor(
    /** The first bytes: the whole message, or (spooled) its header section through the empty line. */
    readonly head: Buffer,
    private readonly spool: { file: string; start: number; size: number } | null,
    /** Whether `head` holds the whole header section (up to the first CRLFCRLF), if there is one. */
    readonly headerComplete: boolean,
  ) {}

  /** @internal */
  static of(
    head: Buffer,
    spool: { file: string; start: number; size: number } | null,
    headerComplete: boolean,
  ) {
    return new ReceivedMessage(head, spool, headerComplete);
  }

  get size(): number {
    return this.head.length + (this.spool ? this.spool.size - this.spool.start : 0);
  }

  /** The whole message when it is held in memory, else null (read it with `chunks()`). */
  get bytes(): Buffer | null {
    return this.spool === null ? this.head : null;
  }

  /** The same message with `prefix` (header fields, CRLF-terminated) in front. */
  prepend(prefix: string): ReceivedMessage {
    return this.withHead(Buffer.concat([Buffer.from(prefix, 'utf8'), this.head]));
  }

  /** The same message with its head replaced (e.g. header fields removed). */
  withHead(head: Buffer): ReceivedMessage {
    return new ReceivedMessage(head, this.spool, this.headerComplete);
  }

  /** The message from its first byte; a fresh reader each call. */
  async *chunks(): AsyncGenerator<Uint8Array> {
    if (this.head.length > 0) yield this.head;
    if (this.spool === null || this.spool.start >= this.spool.size) return;
    yield* createReadStream(this.spool.file, { start: this.spool.start, highWaterMark: 256 * 1024 });
  }

  /** The whole message in memory (read from the spool file when it is there): for what needs it all. */
  async whole(): Promise<Buffer> {
    if (this.spool === null) return this.head;
    const chunks: Uint8Array[] = [];
    for await (const chunk of this.chunks()) chunks.push(chunk);
    return Buffer.concat(chunks);
  }

  /** A node stream of the message (mailauth reads one); destroy it when done. */
  readable(): Readable {
    return this.spool === null ? Readable.from([this.head]) : Readable.from(this.chunks());
  }

  /** Removes the spool file; idempotent, a no-op for views and for messages held in memory. */
  async dispose(): Promise<void> {
    if (this.spool) await rm(this.spool.file, { force: true });
  }
}

/**
 * Receives the DATA stream through the bare LF/CR guard (RFC 5321 §2.3.8) without holding a large
 * message whole: up to IN_MEMORY_BYTES in memory, beyond that into a file in `spoolDir`. Refuses
 * with 552 past `maxBytes` and 554 after a bare LF/CR once the stream is drained (so the dialogue
 * goes on). The spool file is removed on every failure, a client gone mid-DATA included; on
 * success the caller owns it (`dispose()`).
 */
export async function receiveMessage(
  stream: Readable & { sizeExceeded?: boolean },
  options: { spoolDir: string; maxBytes: number; inMemoryBytes?: number },
): Promise<ReceivedMessage> {
  const inMemoryBytes = options.inMemoryBytes ?? IN_MEMORY_BYTES;
  const guard = new LineEndingGuard();
  let pending: Buffer[] = [];
  let size = 0;
  let handle: FileHandle | null = null;
  let file: string | null = null;
  let head: Buffer | null = null;
  let headerEnd = -1;
  try {
    await pipeline(stream, guard, async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) {
        if (size + chunk.length > options.maxBytes) {
          size = options.maxBytes + 1;
          continue; // drained, never kept
        }
        size += chunk.length;
        if (handle === null) {
          pending.push(chunk);
          if (size <= inMemoryBytes) continue;
          // Too large for memory: keep the header section, spool everything.
          const first = Buffer.concat(pending);
          pending = [];
          const end = first.indexOf(CRLFCRLF);
          headerEnd = end >= 0 && end + 4 <= inMemoryBytes ? end + 4 : -1;
          head = Buffer.from(first.subarray(0, Math.max(headerEnd, 0)));
          file = path.join(options.spoolDir, `${randomUUID()}.eml`);
          handle = await open(file, 'wx', 0o600);
          await handle.write(first);
        } else {
          await handle.write(chunk);
        }
      }
    });
    if (stream.sizeExceeded || size > options.maxBytes)
      throw new SmtpReply(552, `5.3.4 Message exceeds the fixed maximum size of ${options.maxBytes} bytes`);
    if (guard.problem !== null)
      throw new SmtpReply(
        554,
        `5.6.0 Message refused: ${guard.problem} in the data, every line must end in CRLF (RFC 5321 §2.3.8)`,
      );
    if (handle === null || file === null || head === null) {
      const whole = Buffer.concat(pending);
      return ReceivedMessage.of(whole, null, true);
    }
    await (handle as FileHandle).close();
    handle = null;
    const { size: fileSize } = await stat(file);
    return ReceivedMessage.of(head, { file, start: Math.max(headerEnd, 0), size: fileSize }, headerEnd >= 0);
  } catch (error) {
    await (handle as FileHandle | null)?.close().catch(() => undefined);
    if (file !== null) await rm(file, { force: true });
    throw error;
  }
}
