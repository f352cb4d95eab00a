import type { CommandNode, TestNode } from './ast.js';
import { COMMAND_HANDLERS, TEST_HANDLERS } from './dispatch.js';
import { SIEVE_LIMITS } from './limits.js';
import { EXPANSION_BUDGET, MATCH_BUDGET, SieveRuntimeError, StopSignal, step } from './run-state.js';
import type { RunState } from './run-state.js';
import { commandsOf } from './script.js';
import type { EvaluateOptions, SieveEnvironment, SieveMessage, SieveOutcome, SieveScript } from './types.js';

// RFC 5228 §5.2, §5.3, §5.6, §5.8, §5.10: tests on tests, short-circuited.
function test(run: RunState, node: TestNode): boolean {
  step(run, node);
  switch (node.name) {
    case 'true':
      return true;
    case 'false':
      return false;
    case 'not':
      return !node.tests.every((inner) => test(run, inner));
    case 'allof':
      return node.tests.every((inner) => test(run, inner));
    case 'anyof':
      return node.tests.some((inner) => test(run, inner));
  }
  const handler = TEST_HANDLERS[node.name];
  if (handler === undefined)
    throw new SieveRuntimeError(node.position, `test "${node.name}" is not implemented`);
  return handler(run, node);
}

function runBlock(run: RunState, commands: readonly CommandNode[]): void {
  for (const command of commands) {
    step(run, command);
    if (command.kind === 'if') {
      // RFC 5228 §3.1: the first branch whose test is true runs; else the `else` block.
      const branch = command.branches.find((candidate) => test(run, candidate.test));
      const block = branch?.block ?? command.otherwise;
      if (block !== null) runBlock(run, block);
      continue;
    }
    const handler = COMMAND_HANDLERS[command.name];
    if (handler === undefined)
      throw new SieveRuntimeError(command.position, `command "${command.name}" is not implemented`);
    handler(run, command);
  }
}

/** RFC 5228 §2.10.2: the implicit keep, with the internal flags of RFC 5232 §5. */
function applyImplicitKeep(run: RunState): void {
  if (!run.actions.some((action) => action.type === 'keep'))
    run.actions.push({ type: 'keep', flags: [...run.flags] });
}

/**
 * Runs a parsed script on one message and returns the actions to perform (RFC 5228 §2.10).
 * A run-time error (§2.10.6) stops the run: the actions so far stay, without a reject (which
 * a keep excludes, RFC 5429 §2.4), and the implicit keep is added.
 */
export function evaluateSieve(
  script: SieveScript,
  message: SieveMessage,
  environment: SieveEnvironment,
  options: EvaluateOptions = {},
): SieveOutcome {
  const run: RunState = {
    message,
    environment,
    requires: new Set(script.requires),
    limits: {
      maxRedirects: options.maxRedirects ?? SIEVE_LIMITS.maxRedirects,
      maxActions: options.maxActions ?? SIEVE_LIMITS.maxActions,
      maxSteps: options.maxSteps ?? SIEVE_LIMITS.maxSteps,
    },
    actions: [],
    implicitKeep: true,
    steps: 0,
    variables: new Map(),
    matches: [],
    flags: [],
    bodies: new Map(),
    matchBudget: { remaining: MATCH_BUDGET },
    expansionBudget: { remaining: EXPANSION_BUDGET },
  };
  try {
    runBlock(run, commandsOf(script));
  } catch (error) {
    if (error instanceof SieveRuntimeError) {
      const actions = run.actions.filter((action) => action.type !== 'reject');
      run.actions.splice(0, run.actions.length, ...actions);
      applyImplicitKeep(run);
      return { actions: run.actions, errors: [error.message] };
    }
    if (!(error instanceof StopSignal)) throw error;
  }
  if (run.implicitKeep) applyImplicitKeep(run);
  return { actions: run.actions, errors: [] };
}
