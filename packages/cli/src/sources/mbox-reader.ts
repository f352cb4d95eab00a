import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { CliError } from '../cli-error.js';
import { contentHash } from './hash.js';
import type { ImportSource, SourceMessage } from './source-message.js';

/** Read size of the mbox stream. */
const readChunkBytes = 4 * 1024 * 1024;
const FROM = Buffer.from('From ');
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The date of a `From sender Sat Nov 29 03:19:31 2026` separator line (asctime, read as UTC as
 * most writers use it), or undefined when it has none that parses.
 */
export function separatorDate(line: string): Date | undefined {
  const m = /(\w{3}) +(\d{1,2}) (\d{2}):(\d{2})(?::(\d{2}))? (?:[A-Z]{3,4} |[+-]\d{4} )?(\d{4})\s*$/.exec(
    line,
  );
  if (!m) return undefined;
  const month = months.indexOf(m[1]!);
  if (month < 0) return undefined;
  const date = new Date(
    Date.UTC(Number(m[6]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5] ?? 0)),
  );
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const startsWithFrom = (buffer: Uint8Array, at: number) =>
  buffer.length >= at + 5 && FROM.every((byte, i) => buffer[at + i] === byte);

/** A quoted `>From ` (any number of `>`) loses one `>` (mboxrd; mboxo quoted only one level). */
function isQuotedFrom(buffer: Buffer, start: number): boolean {
  let i = start;
  while (buffer[i] === 0x3e) i += 1;
  return i > start && startsWithFrom(buffer, i);
}

interface Span {
  buffer: Buffer;
  start: number;
  end: number;
}

/** Drops the blank line that separates a message from the next separator (RFC 4155 §2). */
function withoutSeparatorBlank(raw: Buffer): Buffer {
  if (raw.length >= 4 && raw.subarray(-4).equals(Buffer.from('\r\n\r\n'))) return raw.subarray(0, -2);
  if (raw.length >= 2 && raw[raw.length - 1] === 0x0a && raw[raw.length - 2] === 0x0a)
    return raw.subarray(0, -1);
  return raw;
}

/**
 * An mbox file (RFC 4155; mboxrd and mboxo): messages start at `From ` separator lines, `>From `
 * lines inside are unquoted one level. Streamed in chunks, so the file may be larger than memory.
 */
export async function openMbox(file: string, realPath: string): Promise<ImportSource> {
  const { size } = await stat(file);
  return {
    kind: 'mbox',
    total: size,
    unit: 'bytes',
    async *messages() {
      // A message is kept as spans of the read buffers rather than line by line: copying it
      // once at its end, from a few spans, is what keeps the reader off an import's profile.
      let current: { offset: number; fromLine: string; spans: Buffer[]; open: Span | null } | null = null;
      let carry: Buffer = Buffer.alloc(0);
      let position = 0; // file offset of carry[0]
      const closeSpan = () => {
        if (current?.open)
          current.spans.push(current.open.buffer.subarray(current.open.start, current.open.end));
        if (current) current.open = null;
      };
      const finish = (end: number): SourceMessage | null => {
        if (!current) return null;
        closeSpan();
        // A message inside one read chunk is a view of it, not a copy (the chunk lives as long as
        // the batch that holds the message, a few chunks at most).
        const spans = current.spans;
        const raw = withoutSeparatorBlank(spans.length === 1 ? spans[0]! : Buffer.concat(spans));
        const message: SourceMessage = {
          raw,
          key: `mbox:${realPath}:${current.offset}:${contentHash(raw)}`,
          where: `${file} at byte ${current.offset}`,
          folder: [],
          keywords: [],
          receivedAt: separatorDate(current.fromLine),
          progress: end,
        };
        current = null;
        return message;
      };
      /** The line buffer[start, end) at file offset `offset`. */
      const handle = (buffer: Buffer, start: number, end: number, offset: number, done: SourceMessage[]) => {
        if (startsWithFrom(buffer, start)) {
          const previous = finish(offset);
          if (previous) done.push(previous);
          current = {
            offset,
            fromLine: buffer.toString('latin1', start, end).trimEnd(),
            spans: [],
            open: null,
          };
        } else if (current) {
          const quoted = isQuotedFrom(buffer, start);
          const from = quoted ? start + 1 : start;
          if (quoted || current.open?.buffer !== buffer || current.open.end !== start) {
            closeSpan();
            current.open = { buffer, start: from, end };
          } else {
            current.open.end = end;
          }
        } else if (buffer.toString('latin1', start, end).trim() !== '') {
          throw new CliError(`${file} is not an mbox file: it does not start with a "From " line`);
        }
      };
      for await (const read of createReadStream(file, { highWaterMark: readChunkBytes })) {
        const chunk = read as Buffer;
        const done: SourceMessage[] = [];
        let start = 0;
        if (carry.length > 0) {
          // The line cut by the previous chunk: only it is copied, not the whole chunk.
          const nl = chunk.indexOf(10);
          if (nl === -1) {
            carry = Buffer.concat([carry, chunk]);
            continue;
          }
          const line = Buffer.concat([carry, chunk.subarray(0, nl + 1)]);
          handle(line, 0, line.length, position, done);
          position += line.length;
          start = nl + 1;
        }
        // `position` is now the file offset of chunk[start].
        const chunkAt = position - start;
        for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
          handle(chunk, start, nl + 1, chunkAt + start, done);
          start = nl + 1;
        }
        // Spans kept in `current` point into this chunk: copy the partial last line only.
        closeSpan();
        carry = Buffer.from(chunk.subarray(start));
        position = chunkAt + start;
        yield* done;
      }
      const done: SourceMessage[] = [];
      if (carry.length > 0) handle(carry, 0, carry.length, position, done);
      const last = finish(position + carry.length);
      if (last) done.push(last);
      yield* done;
    },
  };
}
