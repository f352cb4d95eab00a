export type {
  EvaluateOptions,
  ParseOptions,
  ParseResult,
  SieveAction,
  SieveEnvironment,
  SieveError,
  SieveMessage,
  SieveOutcome,
  SieveScript,
} from './types.js';
export { SIEVE_LIMITS, SUPPORTED_EXTENSIONS } from './limits.js';
export { parseSieve } from './parse.js';
export { evaluateSieve } from './evaluate.js';
