import type { TestNode, Value } from './ast.js';
import type { Position } from './position.js';
import type { SieveAction, SieveEnvironment, SieveMessage } from './types.js';
import { expandVariables } from './variables.js';
import type { MatchBudget } from './wildcard.js';

/** A run-time error (RFC 5228 §2.10.6): the run stops and the implicit keep applies. */
export class SieveRuntimeError extends Error {
  constructor(position: Position, message: string) {
    super(`line ${position.line}, column ${position.column}: ${message}`);
  }
}

/** Thrown by `stop` (RFC 5228 §3.3) to end the run normally. */
export class StopSignal extends Error {}

export interface RunLimits {
  maxRedirects: number;
  maxActions: number;
  maxSteps: number;
}

/** Everything one run reads and changes. */
export interface RunState {
  readonly message: SieveMessage;
  readonly environment: SieveEnvironment;
  readonly requires: ReadonlySet<string>;
  readonly limits: RunLimits;
  readonly actions: SieveAction[];
  /** RFC 5228 §2.10.2: true until an action cancels the implicit keep. */
  implicitKeep: boolean;
  steps: number;
  readonly variables: Map<string, string>;
  matches: string[];
  /** RFC 5232 §3: the internal flag variable. */
  flags: string[];
  /** What is left of the run's `:matches` work (`MATCH_BUDGET`). */
  readonly matchBudget: MatchBudget;
  /** What is left of the run's `EXPANSION_BUDGET`. */
  readonly expansionBudget: { remaining: number };
  /** Lazily read bodies (RFC 5173), at most once per transform. */
  readonly bodies: Map<'text' | 'raw', string>;
}

/**
 * Character steps of `:matches` per run: ample for real mail (a 17-wildcard pattern on a 100 KB
 * value needs about 2 million), and a hostile pattern stops within a fraction of a second.
 */
export const MATCH_BUDGET = 20_000_000;

/** Counts one command or test against maxSteps. */
export function step(run: RunState, node: { position: Position; name: string }): void {
  run.steps += 1;
  if (run.steps > run.limits.maxSteps)
    throw new SieveRuntimeError(node.position, `more than ${run.limits.maxSteps} steps`);
}

/**
 * Characters a run may produce by expanding variables, in all (each string is also capped by
 * MAX_VARIABLE_LENGTH): a list of thousands of "${big}" must not exhaust memory.
 */
export const EXPANSION_BUDGET = 16 * 1024 * 1024;

/** The strings of a value as the run sees them: with variables expanded when the script requires them. */
function stringsOfValue(run: RunState, value: Value | true | undefined): string[] {
  if (value === undefined || value === true || value.kind === 'number') return [];
  const texts = value.kind === 'string' ? [value.value] : value.values;
  if (!run.requires.has('variables')) return texts;
  return texts.map((text) => {
    if (!text.includes('${')) return text;
    const expanded = expandVariables(text, run);
    run.expansionBudget.remaining -= expanded.length;
    if (run.expansionBudget.remaining < 0)
      throw new SieveRuntimeError(
        value.position,
        `variables expand to more than ${EXPANSION_BUDGET} characters`,
      );
    return expanded;
  });
}

/** The expanded strings of positional argument `index` (counted from the end when negative). */
export function argStrings(run: RunState, node: TestNode, index: number): string[] {
  return stringsOfValue(run, node.args.at(index));
}

/** The expanded single string of positional argument `index`. */
export function argString(run: RunState, node: TestNode, index: number): string {
  return argStrings(run, node, index)[0] ?? '';
}

/** The expanded strings of a tag's value; undefined when the tag is absent. */
export function tagStrings(run: RunState, node: TestNode, tag: string): string[] | undefined {
  return node.tags.has(tag) ? stringsOfValue(run, node.tags.get(tag)) : undefined;
}

/** A tag's number value, if present. */
export function tagNumber(node: TestNode, tag: string): number | undefined {
  const value = node.tags.get(tag);
  return value !== undefined && value !== true && value.kind === 'number' ? value.value : undefined;
}
