import { parseArgs } from 'node:util';
import { openMailStore, StoreError, type MailStore } from '@colibri/mail-store';
import { CliError, exitCodes, UsageError } from './cli-error.js';
import type { CliIo } from './cli-io.js';
import type { Command } from './command.js';
import { commands } from './commands/index.js';

/** Data folder when neither `--data` nor `COLIBRI_DATA` is given (the BFF's default too). */
export const defaultDataDir = './data';

function help(): string {
  const lines = commands.map((c) => `  colibri ${[...c.path, c.usage].join(' ').trim()}\n      ${c.summary}`);
  return [
    'Usage: colibri [--data <folder>] <command> …',
    '',
    'The data folder is --data, else $COLIBRI_DATA, else ./data. It may be used while the server runs.',
    '',
    'Commands:',
    ...lines,
    '',
    'Exit codes: 0 ok, 1 failed, 2 bad command line, 130 interrupted (re-run to resume an import).',
    '',
  ].join('\n');
}

function findCommand(words: string[]): { command: Command; rest: string[] } | null {
  for (const command of commands) {
    if (command.path.every((w, i) => words[i] === w))
      return { command, rest: words.slice(command.path.length) };
  }
  return null;
}

/**
 * Runs one `colibri` invocation and returns its exit code; never throws for an expected failure
 * (bad usage, store refusal), which becomes one `colibri: …` line on stderr.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let store: MailStore | null = null;
  try {
    let dataDir = io.env.COLIBRI_DATA ?? defaultDataDir;
    const words = [...argv];
    while (words[0]?.startsWith('--data')) {
      const option = words.shift()!;
      const value = option.includes('=') ? option.slice(option.indexOf('=') + 1) : words.shift();
      if (!value) throw new UsageError('--data needs a folder');
      dataDir = value;
    }
    if (words.length === 0 || words[0] === 'help' || words[0] === '--help' || words[0] === '-h') {
      io.out(help());
      return words.length === 0 ? exitCodes.usage : exitCodes.ok;
    }
    const found = findCommand(words);
    if (!found) throw new UsageError(`Unknown command: ${words.slice(0, 2).join(' ')} (see: colibri help)`);
    let parsed;
    try {
      parsed = parseArgs({
        args: found.rest,
        options: found.command.options ?? {},
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const ctx = {
      io,
      dataDir,
      store: async () => (store ??= await openMailStore({ dataDir })),
    };
    return await found.command.run(ctx, { positionals: parsed.positionals, values: parsed.values });
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`colibri: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof StoreError) {
      io.err(`colibri: ${error.message}\n`);
      return exitCodes.failure;
    }
    throw error;
  } finally {
    await (store as MailStore | null)?.close();
  }
}
