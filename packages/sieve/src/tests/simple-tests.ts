import type { TestNode } from '../ast.js';
import { argStrings, tagNumber } from '../run-state.js';
import type { RunState } from '../run-state.js';
import { compareWithKeys } from './compare.js';
import { normalizeFlags } from '../flags.js';

/** RFC 5228 §5.9 `size :over/:under`. */
export function size(run: RunState, node: TestNode): boolean {
  const over = tagNumber(node, 'over');
  if (over !== undefined) return run.message.size > over;
  return run.message.size < (tagNumber(node, 'under') ?? 0);
}

/** RFC 5229 §5 `string`; for `:count`, empty strings do not count. */
export function string(run: RunState, node: TestNode): boolean {
  const values = argStrings(run, node, 0);
  return compareWithKeys(run, node, node.tags.has('count') ? values.filter((value) => value !== '') : values);
}

/** RFC 5232 §4 `hasflag`: each flag of the variable(s) is one value. */
export function hasflag(run: RunState, node: TestNode): boolean {
  const named = node.args.length < 2 ? null : argStrings(run, node, 0);
  const flags =
    named === null
      ? run.flags
      : normalizeFlags(named.map((name) => run.variables.get(name.toLowerCase()) ?? ''));
  return compareWithKeys(run, node, flags);
}

/**
 * RFC 5173 `body`. `:content` is accepted but evaluated as `:text`: the message interface offers
 * only the decoded text of the text parts, not each MIME part by type.
 */
export function body(run: RunState, node: TestNode): boolean {
  const transform = node.tags.has('raw') ? 'raw' : 'text';
  let text = run.bodies.get(transform);
  if (text === undefined) {
    text = run.message.body(transform);
    run.bodies.set(transform, text);
  }
  return compareWithKeys(run, node, [text]);
}

/** RFC 5490 §3.1 `mailboxexists` and RFC 9042 §3 `mailboxidexists`: every named one exists. */
export function mailboxExists(run: RunState, node: TestNode): boolean {
  const check =
    node.name === 'mailboxidexists' ? run.environment.mailboxIdExists : run.environment.mailboxExists;
  return argStrings(run, node, 0).every((name) => check?.call(run.environment, name) ?? false);
}
