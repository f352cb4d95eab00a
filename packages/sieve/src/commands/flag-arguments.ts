import type { TestNode } from '../ast.js';
import { normalizeFlags } from '../flags.js';
import { argStrings, tagStrings } from '../run-state.js';
import type { RunState } from '../run-state.js';

/** The flags for keep/fileinto: `:flags`, else the internal variable (RFC 5232 §5). */
export function flagsFor(run: RunState, node: TestNode): string[] {
  if (!run.requires.has('imap4flags')) return [];
  const given = tagStrings(run, node, 'flags');
  return given === undefined ? [...run.flags] : normalizeFlags(given);
}

/** The flag list a flag command or `hasflag` reads: a named variable or the internal one (RFC 5232 §3). */
export function flagVariable(run: RunState, node: TestNode): { name: string | null; flags: string[] } {
  if (node.args.length < 2) return { name: null, flags: [...run.flags] };
  const name = (argStrings(run, node, 0)[0] ?? '').toLowerCase();
  return { name, flags: normalizeFlags([run.variables.get(name) ?? '']) };
}
