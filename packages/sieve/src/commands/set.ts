import type { TestNode } from '../ast.js';
import { argString } from '../run-state.js';
import type { RunState } from '../run-state.js';
import { applyModifiers } from '../variables.js';

/** RFC 5229 §4 `set` with its modifiers. */
export function set(run: RunState, node: TestNode): void {
  const name = argString(run, node, 0).toLowerCase();
  run.variables.set(name, applyModifiers(argString(run, node, 1), new Set(node.tags.keys())));
}
