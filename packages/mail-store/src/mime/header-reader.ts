import { readHeaderBlock, type HeaderField } from './header-block.js';
import { mimeLimits } from './limits.js';

const LF = 0x0a;
const CR = 0x0d;
const DASH = 0x2d;
const COLON = 0x3a;

/** Bytes past this offset never add a field (readHeaderBlock's limit, plus the byte that ends a field). */
const keptBytes = mimeLimits.maxHeaderBlockBytes + 1;

export interface HeaderResult {
  fields: HeaderField[];
  /** The first body bytes that came with the header (possibly views of the input chunk). */
  body: Uint8Array[];
}

/**
 * Reads one entity's header block as it streams in, with the same result as `readHeaderBlock` over
 * the whole entity. The block ends at the first line that is empty or that begins with "--" and has
 * no colon (folded lines begin with white space, so they never end it). Holds at most the first
 * 64 KiB + 1 bytes (the only ones that can become fields) and the current line when it may be a
 * boundary line (its bytes then begin the body).
 */
export class HeaderReader {
  /** The entity's first bytes, up to `keptBytes`. */
  private prefix: Uint8Array[] = [];
  private total = 0;
  /** The current line: its length so far, first two bytes, whether it has a colon. */
  private lineLength = 0;
  private first = -1;
  private second = -1;
  private colon = false;
  /** The current line's bytes while it may be a boundary line. */
  private line: Uint8Array[] = [];

  /** Feeds bytes; returns the header once its block has ended, else null (more is needed). */
  write(chunk: Uint8Array): HeaderResult | null {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const startTotal = this.total;
    let pos = 0;
    while (pos < bytes.byteLength) {
      const lf = bytes.indexOf(LF, pos);
      const next = lf === -1 ? bytes.byteLength : lf + 1;
      const lineStart = pos;
      this.noteLine(bytes, pos, next);
      pos = next;
      if (lf === -1) break;
      const ending = this.endsBlock();
      if (ending !== null) {
        // Fast path: the whole block is in this chunk, read it in place.
        if (startTotal === 0 && this.prefix.length === 0) {
          const block = readHeaderBlock(bytes, 0, Math.min(next, keptBytes));
          const bodyStart = next <= keptBytes ? block.bodyStart : ending === 'boundary' ? lineStart : next;
          return { fields: block.fields, body: rest(bytes, bodyStart) };
        }
        this.keep(bytes, 0, next, startTotal);
        return this.finish(ending, rest(bytes, next));
      }
      this.resetLine();
    }
    this.keep(bytes, 0, bytes.byteLength, startTotal);
    return null;
  }

  /** The end of the entity: a last line without a line break may still end the block. */
  end(): HeaderResult {
    const ending = this.lineLength > 0 ? this.endsBlock() : null;
    return this.finish(ending, []);
  }

  private finish(ending: 'empty' | 'boundary' | null, after: Uint8Array[]): HeaderResult {
    const kept = Buffer.concat(this.prefix);
    if (this.total <= keptBytes) {
      // Everything is here: the old whole-entity reading, exactly.
      const block = readHeaderBlock(kept, 0, kept.byteLength);
      return { fields: block.fields, body: [...rest(kept, block.bodyStart), ...after] };
    }
    const fields = readHeaderBlock(kept, 0, kept.byteLength).fields;
    return { fields, body: ending === 'boundary' ? [...this.line, ...after] : after };
  }

  private noteLine(bytes: Buffer, from: number, to: number): void {
    if (this.lineLength === 0) this.first = bytes[from]!;
    if (this.lineLength <= 1 && to - from > 1 - this.lineLength)
      this.second = bytes[from + 1 - this.lineLength]!;
    this.lineLength += to - from;
    if (this.first !== DASH || (this.second !== -1 && this.second !== DASH)) return;
    if (!this.colon && bytes.subarray(from, to).includes(COLON)) this.colon = true;
    if (this.colon) this.line = [];
    else this.line.push(bytes.slice(from, to));
  }

  /** Whether the current (complete) line ends the block, and how. */
  private endsBlock(): 'empty' | 'boundary' | null {
    // A line is empty when nothing but its line break is left: "", "\r", "\n", "\r\n".
    const empty =
      this.lineLength === 0 ||
      (this.first === LF && this.lineLength === 1) ||
      (this.first === CR && (this.lineLength === 1 || (this.lineLength === 2 && this.second === LF)));
    if (empty) return 'empty';
    if (this.first === DASH && this.second === DASH && !this.colon) return 'boundary';
    return null;
  }

  private resetLine(): void {
    this.lineLength = 0;
    this.first = -1;
    this.second = -1;
    this.colon = false;
    this.line = [];
  }

  /** Keeps the part of bytes[from, to) that falls within the first `keptBytes` of the entity. */
  private keep(bytes: Buffer, from: number, to: number, startTotal: number): void {
    this.total = startTotal + (to - from);
    const room = keptBytes - startTotal;
    if (room > 0) this.prefix.push(bytes.slice(from, Math.min(to, from + room)));
  }
}

function rest(bytes: Uint8Array, from: number): Uint8Array[] {
  return from < bytes.byteLength ? [bytes.subarray(from)] : [];
}
