/**
 * RFC 8601 §5: an MTA MUST remove (or rename) Authentication-Results fields that claim its own
 * authserv-id before adding its own, else a sender could forge our verdict. Fields of other
 * authserv-ids are kept (they are someone else's claims, harmless when ignored).
 * Works on the header section only (up to the first empty line), keeping every other byte.
 */
export function removeForgedAuthResults(raw: Buffer, authservId: string): Buffer {
  const text = raw.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  const headerEnd = end < 0 ? 0 : end + 2;
  // One field: its first line and any folded continuation lines (RFC 5322 §2.2.3).
  const field = /[^\r\n]*\r\n(?:[ \t][^\r\n]*\r\n)*/y;
  const ours = authservId.toLowerCase();
  const kept: string[] = [];
  let position = 0;
  let removed = false;
  while (position < headerEnd) {
    field.lastIndex = position;
    const match = field.exec(text);
    if (!match || match[0].length === 0) break;
    position += match[0].length;
    const ar = /^authentication-results[ \t]*:([\s\S]*)$/i.exec(match[0]);
    if (ar && authservIdOf(ar[1] ?? '') === ours) removed = true;
    else kept.push(match[0]);
  }
  if (!removed) return raw;
  return Buffer.concat([Buffer.from(kept.join(''), 'latin1'), raw.subarray(position)]);
}

/** RFC 8601 §2.2: `authserv-id [CFWS authres-version] ";" ...`; comments and folding dropped. */
function authservIdOf(value: string): string {
  let unfolded = value.replace(/\r\n/g, '');
  // Nested comments are rare; strip innermost ones until none are left.
  for (let previous = ''; previous !== unfolded;) {
    previous = unfolded;
    unfolded = unfolded.replace(/\([^()]*\)/g, ' ');
  }
  const id = unfolded.split(';')[0]?.trim().split(/\s+/)[0] ?? '';
  return id.replace(/^"(.*)"$/, '$1').toLowerCase();
}
