import type { EvaluateOptions, SieveEnvironment, SieveMessage, SieveOutcome, SieveScript } from './types.js';

/** Runs a parsed script on one message and returns the actions to perform (RFC 5228 §2.10). */
export function evaluateSieve(
  script: SieveScript,
  message: SieveMessage,
  environment: SieveEnvironment,
  options: EvaluateOptions = {},
): SieveOutcome {
  void script;
  void message;
  void environment;
  void options;
  throw new Error('evaluateSieve: not implemented yet');
}
