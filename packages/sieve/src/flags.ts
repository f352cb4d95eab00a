/**
 * IMAP flag lists of RFC 5232 §3: a list of strings, each holding space-separated flags. Flags
 * compare case-insensitively; a list keeps the first spelling of each and no duplicates.
 */
export function normalizeFlags(lists: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const list of lists) {
    for (const flag of list.split(/\s+/)) {
      const key = flag.toLowerCase();
      if (flag === '' || seen.has(key)) continue;
      seen.add(key);
      out.push(flag);
    }
  }
  return out;
}

/** `addflag`: the flags of `current` and then the new ones. */
export function addFlags(current: readonly string[], added: readonly string[]): string[] {
  return normalizeFlags([...current, ...added]);
}

/** `removeflag`: `current` without the given flags. */
export function removeFlags(current: readonly string[], removed: readonly string[]): string[] {
  const gone = new Set(normalizeFlags(removed).map((flag) => flag.toLowerCase()));
  return normalizeFlags(current).filter((flag) => !gone.has(flag.toLowerCase()));
}
