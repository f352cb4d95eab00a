/** Exit codes of the `colibri` command. */
export const exitCodes = {
  ok: 0,
  /** The command ran but failed (store refused, some messages not imported, I/O). */
  failure: 1,
  /** Bad command line: unknown command or option, missing or malformed argument. */
  usage: 2,
  /** Stopped by Ctrl-C (128 + SIGINT); a re-run resumes. */
  interrupted: 130,
} as const;

/** A failure the CLI reports as one line on stderr, with its exit code (no stack trace). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = exitCodes.failure,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export class UsageError extends CliError {
  constructor(message: string) {
    super(message, exitCodes.usage);
    this.name = 'UsageError';
  }
}
