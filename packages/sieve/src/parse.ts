import type { ParseOptions, ParseResult } from './types.js';

/** Parses and validates a script (RFC 5228 §8 grammar, and the `require`d extensions' rules). */
export function parseSieve(source: string, options: ParseOptions = {}): ParseResult {
  void source;
  void options;
  throw new Error('parseSieve: not implemented yet');
}
