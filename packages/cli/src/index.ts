export { runCli, defaultDataDir } from './run-cli.js';
export type { CliIo } from './cli-io.js';
export type { Command, CommandContext } from './command.js';
export { commands } from './commands/index.js';
export { exitCodes, CliError, UsageError } from './cli-error.js';
