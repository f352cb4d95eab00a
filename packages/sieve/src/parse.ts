import { parseGrammar } from './grammar.js';
import { tokenize } from './lexer.js';
import { SIEVE_LIMITS, SUPPORTED_EXTENSIONS } from './limits.js';
import { makeScript } from './script.js';
import type { ParseOptions, ParseResult, SieveError } from './types.js';
import { validate } from './validate.js';

/** Enough to fix a script; a garbage upload must not answer with thousands of entries. */
export const MAX_REPORTED_ERRORS = 100;

function byPosition(a: SieveError, b: SieveError): number {
  return a.line - b.line || a.column - b.column;
}

/** Parses and validates a script (RFC 5228 §8 grammar, and the `require`d extensions' rules). */
export function parseSieve(source: string, options: ParseOptions = {}): ParseResult {
  const maxBytes = options.maxScriptBytes ?? SIEVE_LIMITS.maxScriptBytes;
  // Cheap bound first: a UTF-16 unit is at most 3 UTF-8 bytes, at least 1.
  if (
    source.length > maxBytes ||
    (source.length * 3 > maxBytes && new TextEncoder().encode(source).length > maxBytes)
  ) {
    return { ok: false, errors: [{ line: 1, column: 1, message: `script larger than ${maxBytes} bytes` }] };
  }
  const allowed = (options.extensions ?? SUPPORTED_EXTENSIONS).filter((name) =>
    SUPPORTED_EXTENSIONS.includes(name),
  );
  // Some editors save a byte-order mark; it is no part of the script (and no character of §8.1).
  const lexed = tokenize(source.startsWith('\uFEFF') ? ` ${source.slice(1)}` : source);
  const grammar = parseGrammar(lexed.tokens, options.maxNesting ?? SIEVE_LIMITS.maxNesting);
  const validated = validate(grammar.commands, allowed);
  const errors = [...lexed.errors, ...grammar.errors, ...validated.errors].sort(byPosition);
  if (errors.length > MAX_REPORTED_ERRORS) {
    const rest = errors.length - MAX_REPORTED_ERRORS;
    const next = errors[MAX_REPORTED_ERRORS] ?? { line: 1, column: 1 };
    const shown = errors.slice(0, MAX_REPORTED_ERRORS);
    return {
      ok: false,
      errors: [...shown, { line: next.line, column: next.column, message: `${rest} more errors not shown` }],
    };
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, script: makeScript(validated.requires, validated.commands) };
}
