/**
 * Content-Transfer-Encoding decoding (RFC 2045 §6), lenient as RFC 2045 asks of readers: bytes
 * that are not valid in the encoding are skipped (base64) or kept literally (quoted-printable).
 */

const EQUALS = 0x3d;
const CR = 0x0d;
const LF = 0x0a;

function hexValue(c: number | undefined): number {
  if (c === undefined) return -1;
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/** RFC 2045 §6.7; soft line breaks ("=" at the end of a line, maybe after white space) are removed. */
export function decodeQuotedPrintable(input: Uint8Array): Uint8Array {
  const out = new Uint8Array(input.byteLength);
  let n = 0;
  for (let i = 0; i < input.byteLength; i++) {
    const c = input[i]!;
    if (c !== EQUALS) {
      out[n++] = c;
      continue;
    }
    const hi = hexValue(input[i + 1]);
    const lo = hexValue(input[i + 2]);
    if (hi >= 0 && lo >= 0) {
      out[n++] = (hi << 4) | lo;
      i += 2;
      continue;
    }
    // Soft line break: "=", optional transport padding, then CRLF or LF.
    let j = i + 1;
    while (input[j] === 0x20 || input[j] === 0x09) j++;
    if (input[j] === CR && input[j + 1] === LF) {
      i = j + 1;
    } else if (input[j] === LF) {
      i = j;
    } else if (j >= input.byteLength) {
      i = j;
    } else {
      out[n++] = c;
    }
  }
  return out.subarray(0, n);
}

const base64Chars = /[^A-Za-z0-9+/=_-]+/g;

/**
 * RFC 2045 §6.8. Characters outside the alphabet (line breaks, junk) are ignored; "=" padding in
 * the middle (concatenated encodings) starts a new run instead of ending the content.
 */
export function decodeBase64(input: Uint8Array): Uint8Array {
  const text = Buffer.from(input.buffer, input.byteOffset, input.byteLength)
    .toString('latin1')
    .replace(base64Chars, '');
  const runs = text.split(/=+/).filter((run) => run.length > 1);
  const buffers = runs.map((run) => Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  const joined = Buffer.concat(buffers);
  return new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength);
}

/** Decodes a body by its Content-Transfer-Encoding; identities (7bit, 8bit, binary, unknown) pass through. */
export function decodeTransfer(body: Uint8Array, encoding: string | null): Uint8Array {
  // Only the first token counts: `"base64"` and `base64 (comment)` are seen in the wild.
  switch (/[a-z0-9-]+/i.exec(encoding ?? '')?.[0]?.toLowerCase()) {
    case 'base64':
      return decodeBase64(body);
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    default:
      return body;
  }
}
