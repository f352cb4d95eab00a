const LF = 0x0a;
const CR = 0x0d;
const DASH = 0x2d;

/** RFC 2046 §5.1.1 bcharsnospace: DIGIT / ALPHA / "'" / "(" / ")" / "+" / "_" / "," / "-" / "." / "/" / ":" / "=" / "?" */
const boundaryChars = new Uint8Array(256);
for (const c of Buffer.from("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=?"))
  boundaryChars[c] = 1;

/** What a multipart body is made of, in order: every byte is given once, with its role. */
export interface DelimiterEvents {
  /** Bytes of the body; `inPart` when they are content of a body part (between delimiter lines). */
  bytes(raw: Uint8Array, inPart: boolean): void;
  /** A delimiter line starts here (its line break, boundary and rest of line follow as bytes). */
  delimiter(close: boolean): void;
}

/**
 * Finds the delimiter lines of a multipart body as it streams in (RFC 2046 §5.1.1): a line that
 * begins with "--boundary", unless a boundary character follows (a longer boundary: real mail nests
 * "--X-1" inside "--X"); "--boundary--" closes. The line break before a delimiter belongs to it, not
 * to the part. After the close-delimiter everything is epilogue. Scans with `Buffer.indexOf`; holds
 * back only the last few bytes of a chunk, which may begin a delimiter the next chunk completes.
 */
export class DelimiterScanner {
  private readonly delimiter: Buffer;
  /** Bytes at the end of the last chunk that may be the start of a delimiter line. */
  private carry: Buffer | null = null;
  /** The byte before the carry (or the next chunk) is a line feed, or there is none: a line starts. */
  private lineStart = true;
  private mode: 'search' | 'line' | 'epilogue';
  private inPart = false;

  constructor(
    boundary: string | null,
    private readonly events: DelimiterEvents,
  ) {
    this.delimiter = Buffer.from(`--${boundary ?? ''}`, 'utf8');
    // Without a usable boundary nothing is a delimiter: the whole body is preamble.
    this.mode = boundary ? 'search' : 'epilogue';
  }

  write(chunk: Uint8Array): void {
    if (chunk.byteLength === 0) return;
    const input = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const data = this.carry ? Buffer.concat([this.carry, input]) : input;
    this.carry = null;
    this.scan(data, false);
  }

  end(): void {
    const data = this.carry;
    this.carry = null;
    if (data) this.scan(data, true);
  }

  private scan(data: Buffer, final: boolean): void {
    const { delimiter, events } = this;
    const length = data.byteLength;
    let from = 0; // first byte not given yet
    let pos = 0; // where to look for the next delimiter
    for (;;) {
      if (this.mode === 'epilogue') {
        if (from < length) events.bytes(data.subarray(from), false);
        return;
      }
      if (this.mode === 'line') {
        // The rest of a delimiter line is ignored; the part starts after its line feed.
        const lf = data.indexOf(LF, pos);
        const next = lf === -1 ? length : lf + 1;
        if (next > from) events.bytes(data.subarray(from, next), false);
        if (lf === -1) {
          this.lineStart = false;
          return;
        }
        from = pos = next;
        this.mode = 'search';
        continue;
      }
      const at = data.indexOf(delimiter, pos);
      if (at === -1) break;
      if (at > 0 ? data[at - 1] !== LF : !this.lineStart) {
        pos = at + 1;
        continue;
      }
      const after = at + delimiter.byteLength;
      // Two more bytes tell a close-delimiter and a longer boundary apart; wait for them.
      if (!final && after + 2 > length) break;
      const close = data[after] === DASH && data[after + 1] === DASH && after + 2 <= length;
      if (!close && after < length && boundaryChars[data[after]!] === 1) {
        pos = at + 1;
        continue;
      }
      // The line break before the delimiter is the delimiter's, never below the part's start.
      let cut = at;
      if (cut > from && data[cut - 1] === LF) cut--;
      if (cut > from && data[cut - 1] === CR) cut--;
      if (cut > from) events.bytes(data.subarray(from, cut), this.inPart);
      from = cut;
      events.delimiter(close);
      this.inPart = !close;
      this.mode = close ? 'epilogue' : 'line';
      pos = after;
    }
    // Keep back what may still turn out to be a line break + delimiter + two bytes.
    const hold = final ? length : Math.max(from, length - delimiter.byteLength - 4);
    if (hold > from) events.bytes(data.subarray(from, hold), this.inPart);
    if (hold > 0) this.lineStart = data[hold - 1] === LF;
    if (hold < length) this.carry = Buffer.from(data.subarray(hold));
  }
}
