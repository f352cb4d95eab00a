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
 * The longest value a variable or an expanded string may have (RFC 5229 §6 asks for a limit of at
 * least 4000 octets and truncation beyond it), so that `set "a" "${a}${a}"` cannot exhaust memory.
 */
export const MAX_VARIABLE_LENGTH = 65_536;

/** Cuts a value to MAX_VARIABLE_LENGTH, never between the two halves of a surrogate pair. */
export function truncateValue(value: string): string {
  if (value.length <= MAX_VARIABLE_LENGTH) return value;
  const last = value.charCodeAt(MAX_VARIABLE_LENGTH - 1);
  return value.slice(0, last >= 0xd800 && last <= 0xdbff ? MAX_VARIABLE_LENGTH - 1 : MAX_VARIABLE_LENGTH);
}

/**
 * Replaces each variable reference once, left to right; the result is not expanded again and is
 * truncated to MAX_VARIABLE_LENGTH. Unknown variables, and namespaces this server has none of,
 * expand to "" (RFC 5229 §3).
 */
export function expandVariables(text: string, scope: VariableScope): string {
  if (!text.includes('${')) return text;
  let out = '';
  let from = 0;
  for (const match of text.matchAll(REFERENCE)) {
    const name = match[1] ?? '';
    const value = /^[0-9]+$/.test(name)
      ? scope.matches[Number(name)]
      : scope.variables.get(name.toLowerCase());
    out += text.slice(from, match.index) + (value ?? '');
    from = match.index + match[0].length;
    if (out.length > MAX_VARIABLE_LENGTH) return truncateValue(out);
  }
  return truncateValue(out + text.slice(from));
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
  return truncateValue(out);
}
