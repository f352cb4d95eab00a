import type { SieveError } from './types.js';

/** A 1-based place in the script source (columns count UTF-16 code units). */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** An error at a place in the script: the shape `parseSieve` reports. */
export function errorAt(position: Position, message: string): SieveError {
  return { line: position.line, column: position.column, message };
}
