import { CliError, UsageError } from './cli-error.js';
import type { CommandContext } from './command.js';

/** A password shorter than this is refused (NIST SP 800-63B §5.1.1.2 asks for at least 8). */
export const minPasswordLength = 8;
/** Longer than this is refused: scrypt hashes it all, and nobody types more. */
export const maxPasswordLength = 1024;

/**
 * The new password: from stdin's first line with `--password-stdin` (scripts), else from a
 * terminal prompt without echo, asked twice.
 */
export async function readNewPassword(ctx: CommandContext, fromStdin: boolean): Promise<string> {
  let password: string;
  if (fromStdin) {
    password = await ctx.io.readStdinLine();
  } else {
    password = await ctx.io.readPassword('Password: ');
    const again = await ctx.io.readPassword('Again: ');
    if (again !== password) throw new CliError('The passwords do not match');
  }
  if (password.length < minPasswordLength)
    throw new UsageError(`A password has at least ${minPasswordLength} characters`);
  if (password.length > maxPasswordLength)
    throw new UsageError(`A password has at most ${maxPasswordLength} characters`);
  return password;
}
