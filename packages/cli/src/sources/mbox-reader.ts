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

const startsWithFrom = (line: Uint8Array, at: number) =>
  line.length >= at + 5 && FROM.every((byte, i) => line[at + i] === byte);

/** A quoted `>From ` (any number of `>`) loses one `>` (mboxrd; mboxo quoted only one level). */
function isQuotedFrom(line: Buffer): boolean {
  let i = 0;
  while (line[i] === 0x3e) i += 1;
  return i > 0 && startsWithFrom(line, i);
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
      let current: { offset: number; fromLine: string; lines: Buffer[] } | null = null;
      let carry: Buffer = Buffer.alloc(0);
      let position = 0; // file offset of carry[0]
      const finish = (end: number): SourceMessage | null => {
        if (!current) return null;
        const raw = withoutSeparatorBlank(Buffer.concat(current.lines));
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
      const handle = (line: Buffer, offset: number, done: SourceMessage[]) => {
        if (startsWithFrom(line, 0)) {
          const previous = finish(offset);
          if (previous) done.push(previous);
          current = { offset, fromLine: line.toString('latin1').trimEnd(), lines: [] };
        } else if (current) {
          current.lines.push(isQuotedFrom(line) ? line.subarray(1) : line);
        } else if (line.toString('latin1').trim() !== '') {
          throw new CliError(`${file} is not an mbox file: it does not start with a "From " line`);
        }
      };
      for await (const chunk of createReadStream(file, { highWaterMark: readChunkBytes })) {
        const buffer = carry.length > 0 ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
        const done: SourceMessage[] = [];
        let start = 0;
        for (let nl = buffer.indexOf(10, start); nl !== -1; nl = buffer.indexOf(10, start)) {
          handle(buffer.subarray(start, nl + 1), position + start, done);
          start = nl + 1;
        }
        // Lines kept in `current` point into this buffer: copy the partial last line only.
        carry = Buffer.from(buffer.subarray(start));
        position += start;
        yield* done;
      }
      const done: SourceMessage[] = [];
      if (carry.length > 0) handle(carry, position, done);
      const last = finish(position + carry.length);
      if (last) done.push(last);
      yield* done;
    },
  };
}
