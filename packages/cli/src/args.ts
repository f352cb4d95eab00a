import { UsageError } from './cli-error.js';
import type { Command } from './command.js';

/** The positionals a command needs, exactly; a usage error names what is missing or extra. */
export function takePositionals(command: Command, positionals: string[], count: number): string[] {
  if (positionals.length !== count)
    throw new UsageError(`Usage: colibri ${command.path.join(' ')} ${command.usage}`);
  return positionals;
}
