/** RFC 5229 variables: `${name}` expansion and the modifiers of `set`. */

// RFC 5229 §3: identifiers (optionally namespaced) or a number for match variables.
const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*|[0-9]+)\}/g;

export interface VariableScope {
  /** User variables, by lower-cased name (names are case-insensitive, RFC 5229 §3). */
  readonly variables: ReadonlyMap<string, string>;
  /** `${0}`…: the whole value and the wildcard texts of the last successful `:matches`. */
  readonly matches: readonly string[];
}

/**
 * Replaces each variable reference once, left to right; the result is not expanded again.
 * Unknown variables, and namespaces this server has none of, expand to "" (RFC 5229 §3).
 */
export function expandVariables(text: string, scope: VariableScope): string {
  if (!text.includes('${')) return text;
  return text.replace(REFERENCE, (_whole, name: string) => {
    if (/^[0-9]+$/.test(name)) return scope.matches[Number(name)] ?? '';
    return scope.variables.get(name.toLowerCase()) ?? '';
  });
}

/** RFC 5229 §4: "*", "?" and "\" quoted with a backslash. */
export function quoteWildcards(value: string): string {
  return value.replace(/[*?\\]/g, '\\$&');
}

/** The modifiers of `set`, applied from the highest precedence down (RFC 5229 §4). */
export function applyModifiers(value: string, modifiers: ReadonlySet<string>): string {
  let out = value;
  if (modifiers.has('lower')) out = out.toLowerCase();
  if (modifiers.has('upper')) out = out.toUpperCase();
  const first = Array.from(out)[0] ?? '';
  if (modifiers.has('lowerfirst')) out = first.toLowerCase() + out.slice(first.length);
  if (modifiers.has('upperfirst')) out = first.toUpperCase() + out.slice(first.length);
  if (modifiers.has('quotewildcard')) out = quoteWildcards(out);
  // :length counts characters, not octets (RFC 5229 §4).
  if (modifiers.has('length')) out = String(Array.from(out).length);
  return out;
}
