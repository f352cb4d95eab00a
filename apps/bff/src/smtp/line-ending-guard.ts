import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';

const CR = 0x0d;
const LF = 0x0a;

export type LineEndingProblem = 'bare LF' | 'bare CR';

/**
 * Passes message data through while checking that every line ends in CRLF (RFC 5321 §2.3.8).
 * A bare LF or bare CR is how SMTP smuggling hides a second message behind `<LF>.<CR><LF>`,
 * which another server may read as the end of the data. The first offence is remembered in
 * `problem` and everything after it is dropped (the source is still drained, so the SMTP
 * dialogue goes on); the reader refuses the message once the stream has ended.
 */
export class LineEndingGuard extends Transform {
  problem: LineEndingProblem | null = null;
  /** The previous chunk ended in CR: this one has to start with LF. */
  private pendingCr = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.problem === null) this.problem = this.check(chunk);
    callback(null, this.problem === null ? chunk : undefined);
  }

  override _flush(callback: TransformCallback): void {
    if (this.problem === null && this.pendingCr) this.problem = 'bare CR';
    callback();
  }

  private check(chunk: Buffer): LineEndingProblem | null {
    if (chunk.length === 0) return null;
    const startsAfterCr = this.pendingCr;
    if (startsAfterCr && chunk[0] !== LF) return 'bare CR';
    for (let lf = chunk.indexOf(LF); lf !== -1; lf = chunk.indexOf(LF, lf + 1)) {
      const before = lf === 0 ? startsAfterCr : chunk[lf - 1] === CR;
      if (!before) return 'bare LF';
    }
    for (let cr = chunk.indexOf(CR); cr !== -1; cr = chunk.indexOf(CR, cr + 1)) {
      if (cr + 1 < chunk.length && chunk[cr + 1] !== LF) return 'bare CR';
    }
    this.pendingCr = chunk[chunk.length - 1] === CR;
    return null;
  }
}
