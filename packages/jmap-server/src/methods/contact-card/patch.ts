/** RFC 6901: a JSON pointer's reference tokens, unescaped. */
const tokensOf = (path: string): string[] =>
  path.split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));

/**
 * RFC 8620 §5.3 PatchObject: each key a JSON pointer (without the leading slash) into the object,
 * set to its value or removed when null. Returns the patched copy, or the first path that cannot
 * be applied (its parent is not an object, or it and a prefix of it are both patched).
 */
export function applyPatch(
  object: Record<string, unknown>,
  patch: Record<string, unknown>,
): { value: Record<string, unknown> } | { badPath: string } {
  const paths = Object.keys(patch);
  for (const path of paths)
    if (paths.some((other) => other !== path && path.startsWith(`${other}/`))) return { badPath: path };
  const copy = structuredClone(object);
  for (const [path, value] of Object.entries(patch)) {
    const tokens = tokensOf(path);
    const last = tokens.pop();
    if (last === undefined || last === '') return { badPath: path };
    let parent: unknown = copy;
    for (const token of tokens) {
      parent =
        typeof parent === 'object' && parent !== null && !Array.isArray(parent)
          ? (parent as Record<string, unknown>)[token]
          : undefined;
    }
    if (typeof parent !== 'object' || parent === null || Array.isArray(parent)) return { badPath: path };
    const target = parent as Record<string, unknown>;
    if (value === null) delete target[last];
    else target[last] = value;
  }
  return { value: copy };
}
