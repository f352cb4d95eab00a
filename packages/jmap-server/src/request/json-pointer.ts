/** Why a pointer could not be applied; the caller turns it into invalidResultReference. */
export class PointerError extends Error {
  override readonly name = 'PointerError';
}

function unescapeToken(token: string): string {
  // RFC 6901 §4: "~1" before "~0", so that "~01" becomes "~1" and not "/".
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ARRAY_INDEX = /^(0|[1-9][0-9]*)$/;

function walk(value: unknown, tokens: readonly string[]): unknown {
  const [token, ...rest] = tokens;
  if (token === undefined) return value;
  if (Array.isArray(value)) {
    if (token === '*') {
      // RFC 8620 §3.7: apply the rest to every item; array results are flattened one level.
      return value.flatMap((item: unknown) => {
        const result = walk(item, rest);
        return Array.isArray(result) ? (result as unknown[]) : [result];
      });
    }
    if (!ARRAY_INDEX.test(token) || Number(token) >= value.length) {
      throw new PointerError(`no array item "${token}"`);
    }
    return walk(value[Number(token)], rest);
  }
  if (isRecord(value) && Object.hasOwn(value, token)) return walk(value[token], rest);
  throw new PointerError(`no property "${token}"`);
}

/**
 * Evaluates a JSON Pointer (RFC 6901) with the JMAP `*` extension (RFC 8620 §3.7).
 * Throws PointerError when the path does not resolve.
 */
export function evaluatePointer(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  if (!pointer.startsWith('/')) throw new PointerError('a pointer must be empty or start with "/"');
  return walk(document, pointer.slice(1).split('/').map(unescapeToken));
}
