/**
 * RFC 5228 §2.4.2.4 encoded-character: `${hex:41 42}` and `${unicode:1F600}` in strings. A malformed
 * sequence stays as written; a code point that is no Unicode scalar value is an error.
 */
const ENCODED = /\$\{(hex|unicode):([\s0-9a-fA-F]*)\}/gi;

export type DecodeResult = { ok: true; value: string } | { ok: false; message: string };

function decodeHex(digits: string[]): string | null {
  const bytes: number[] = [];
  for (const pair of digits) {
    if (pair.length > 2) return null;
    bytes.push(Number.parseInt(pair, 16));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
}

/** Decodes every encoded character of a string literal. */
export function decodeEncodedCharacters(value: string): DecodeResult {
  let problem: string | null = null;
  const decoded = value.replace(ENCODED, (whole, kind: string, body: string) => {
    const items = body
      .trim()
      .split(/\s+/)
      .filter((item) => item !== '');
    if (items.length === 0) return whole;
    if (kind.toLowerCase() === 'hex') return decodeHex(items) ?? whole;
    let text = '';
    for (const item of items) {
      const code = Number.parseInt(item, 16);
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
        problem = `invalid Unicode character U+${item.toUpperCase()} in \${unicode:…}`;
        return whole;
      }
      text += String.fromCodePoint(code);
    }
    return text;
  });
  return problem === null ? { ok: true, value: decoded } : { ok: false, message: problem };
}
