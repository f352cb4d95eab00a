import type { MailStore } from '@colibri/mail-store';
import type { CliIo } from './cli-io.js';

/** What every command runs with: the store (opened on first use) and the outside world. */
export interface CommandContext {
  io: CliIo;
  dataDir: string;
  store(): Promise<MailStore>;
}

/**
 * One `colibri` command, e.g. `domain add`. Its options are declared for node:util `parseArgs`;
 * adding a command is one file exporting one of these and a line in `commands/index.ts`.
 */
export interface Command {
  /** The words that select it: `['domain', 'add']`. */
  path: string[];
  /** `<name>` and `[--option]` summary shown by `colibri help`. */
  usage: string;
  summary: string;
  options?: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  run(
    ctx: CommandContext,
    args: { positionals: string[]; values: Record<string, string | boolean | undefined> },
  ): Promise<number>;
}
