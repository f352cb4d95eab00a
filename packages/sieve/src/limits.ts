/** Every limit of the package, explicit (the defaults of ParseOptions and EvaluateOptions). */
export const SIEVE_LIMITS = {
  maxScriptBytes: 256 * 1024,
  maxNesting: 32,
  maxRedirects: 5,
  maxActions: 64,
  maxSteps: 100_000,
  /** RFC 5230 §4.1: at least one day; we also cap the period at 30 days. */
  minVacationSeconds: 86_400,
  maxVacationSeconds: 30 * 86_400,
} as const;

/**
 * The extensions the interpreter implements, as `require` names. The JMAP session advertises
 * exactly this list (RFC 9661 `sieveExtensions`).
 */
export const SUPPORTED_EXTENSIONS: readonly string[] = [
  'fileinto',
  'reject',
  'ereject',
  'envelope',
  'encoded-character',
  'imap4flags',
  'vacation',
  'vacation-seconds',
  'copy',
  'body',
  'relational',
  'comparator-i;ascii-numeric',
  'subaddress',
  'variables',
  'mailbox',
  'mailboxid',
  'date',
  'index',
];
