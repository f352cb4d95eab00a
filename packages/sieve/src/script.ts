import type { CommandNode } from './ast.js';
import type { SieveScript } from './types.js';

// The AST stays private: a script maps to its commands here, so no caller can forge or alter one.
const COMPILED = new WeakMap<SieveScript, readonly CommandNode[]>();

/** Wraps validated commands as the opaque `SieveScript`. */
export function makeScript(requires: readonly string[], commands: readonly CommandNode[]): SieveScript {
  const script: SieveScript = Object.freeze({ requires: Object.freeze([...requires]) });
  COMPILED.set(script, commands);
  return script;
}

/** The commands of a script made by `parseSieve`; throws on anything else. */
export function commandsOf(script: SieveScript): readonly CommandNode[] {
  const commands = COMPILED.get(script);
  if (commands === undefined) throw new TypeError('evaluateSieve: the script was not returned by parseSieve');
  return commands;
}
