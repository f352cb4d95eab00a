/** How many avatar tones tokens.css defines (`--color-avatar-0` ... `--color-avatar-7`). */
export const AVATAR_TONES = 8;

/**
 * One or two letters for an avatar: the first letters of the first and last words of the name,
 * else of the email's local part (`jean.dupont@` -> "JD"), else "?".
 */
export function avatarInitials(name: string, email?: string): string {
  const fromName = initialsOf(name);
  if (fromName) return fromName;
  const local = email?.split('@')[0] ?? '';
  return initialsOf(local) || '?';
}

function initialsOf(text: string): string {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  const first = words[0];
  if (first === undefined) return '';
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  return [first, last]
    .filter((w): w is string => w !== undefined)
    .map((w) => Array.from(w)[0]?.toLocaleUpperCase() ?? '')
    .join('');
}

/**
 * A tone index in [0, AVATAR_TONES) derived from the email (case-insensitive), so that a person
 * keeps the same colour everywhere, whatever display name a message gives them.
 * FNV-1a: tiny, stable across runtimes, and spreads similar addresses apart.
 */
export function avatarTone(key: string): number {
  let hash = 0x811c9dc5;
  for (const char of key.trim().toLowerCase()) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % AVATAR_TONES;
}
