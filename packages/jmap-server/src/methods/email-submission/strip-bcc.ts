/**
 * RFC 8621 §7.5: "the server MUST remove any Bcc header field present on the message during
 * delivery". Returns the message without its Bcc fields (folded lines included), or null when it
 * has none. Bytes are kept as they are (latin1 maps each byte to one code unit).
 */
export function withoutBcc(raw: Uint8Array): Uint8Array | null {
  const text = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('latin1');
  // The header ends after the line break of its last field; the blank line starts the rest.
  const blank = /\r?\n\r?\n/.exec(text);
  const headerEnd = blank === null ? text.length : blank.index + (text[blank.index] === '\r' ? 2 : 1);
  const lines = text.slice(0, headerEnd).split(/(?<=\n)/);
  let inBcc = false;
  let found = false;
  const kept = lines.filter((line) => {
    // A line starting with white space continues the field before it (RFC 5322 §2.2.3).
    if (!/^[ \t]/.test(line)) inBcc = /^bcc[ \t]*:/i.test(line);
    if (inBcc) found = true;
    return !inBcc;
  });
  if (!found) return null;
  return new Uint8Array(Buffer.from(kept.join('') + text.slice(headerEnd), 'latin1'));
}
