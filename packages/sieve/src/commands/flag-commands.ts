import type { TestNode } from '../ast.js';
import { addFlags, normalizeFlags, removeFlags } from '../flags.js';
import { argStrings } from '../run-state.js';
import type { RunState } from '../run-state.js';
import { flagVariable } from './flag-arguments.js';

/** RFC 5232 §3 setflag, addflag and removeflag, on the internal variable or a named one. */
export function changeFlags(run: RunState, node: TestNode): void {
  const { name, flags } = flagVariable(run, node);
  const given = argStrings(run, node, -1);
  const next =
    node.name === 'setflag'
      ? normalizeFlags(given)
      : node.name === 'addflag'
        ? addFlags(flags, given)
        : removeFlags(flags, given);
  if (name === null) run.flags = next;
  else run.variables.set(name, next.join(' '));
}
