/** What a command may touch of the outside world; tests pass their own, `main.ts` the process's. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal (a redrawn progress bar), false for logs and pipes. */
  errIsTty: boolean;
  env: Record<string, string | undefined>;
  /** Reads a password without echo (a terminal prompt) — or the first line of stdin. */
  readPassword(prompt: string): Promise<string>;
  readStdinLine(): Promise<string>;
  /** Registers a handler for Ctrl-C; returns the unregister function. */
  onInterrupt(handler: () => void): () => void;
}
