import type { Position } from './position.js';

/**
 * The syntax tree of RFC 5228 §8.2, before validation: every command and test with its raw
 * arguments. Private to the package.
 */
export type SyntaxArgument =
  | { kind: 'tag'; name: string; position: Position }
  | { kind: 'number'; value: number; position: Position }
  | { kind: 'string'; value: string; position: Position }
  | { kind: 'list'; values: string[]; position: Position };

export interface SyntaxTest {
  name: string;
  position: Position;
  arguments: SyntaxArgument[];
  /** Nested tests: one for `not`, a test-list for `allof`/`anyof`. */
  tests: SyntaxTest[];
  /** Whether the tests were written as a parenthesized test-list. */
  testList: boolean;
}

export interface SyntaxCommand extends SyntaxTest {
  /** The `{ … }` block, or null when the command ends with ";". */
  block: SyntaxCommand[] | null;
}

/** A value after validation: a string, a string list or a number (RFC 5228 §2.6), where it was written. */
export type Value = Exclude<SyntaxArgument, { kind: 'tag' }>;

/** A validated test: tags by name (lower-case, with their value or `true`) and positional values. */
export interface TestNode {
  name: string;
  position: Position;
  tags: ReadonlyMap<string, Value | true>;
  args: readonly Value[];
  tests: readonly TestNode[];
}

/** A validated command; `if` carries its `elsif`/`else` branches already joined (RFC 5228 §3.1). */
export type CommandNode =
  | (TestNode & { kind: 'simple' })
  | {
      kind: 'if';
      name: 'if';
      position: Position;
      branches: { test: TestNode; block: readonly CommandNode[] }[];
      otherwise: readonly CommandNode[] | null;
    };

/** The package's implementation of the opaque `SieveScript`. */
export interface CompiledScript {
  readonly requires: readonly string[];
  readonly commands: readonly CommandNode[];
}
