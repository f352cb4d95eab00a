import {
  DEFAULT_API_TOKEN_NAME,
  NotFoundError,
  apiTokenLimits,
  isValidApiTokenName,
  mintApiToken,
} from '@colibri/mail-store';
import { takePositionals } from '../args.js';
import { CliError, UsageError } from '../cli-error.js';
import type { Command } from '../command.js';
import { resolveAccount } from '../resolve-account.js';

/**
 * API tokens for `Authorization: Bearer`, the same kind the server's POST /auth/tokens makes. A
 * running server sees a new or revoked token at its next request (it reads the store each time).
 */
export const tokenCreate: Command = {
  path: ['token', 'create'],
  usage: '<email> [--name <name>]',
  summary: 'Create an API token for a user and print it (shown only this once)',
  options: { name: { type: 'string' } },
  async run(ctx, { positionals, values }) {
    const [email] = takePositionals(this, positionals, 1);
    const name = typeof values.name === 'string' ? values.name.trim() : DEFAULT_API_TOKEN_NAME;
    if (!isValidApiTokenName(name))
      throw new UsageError(`--name must have 1 to ${apiTokenLimits.maxNameChars} characters`);
    const store = await ctx.store();
    const account = await resolveAccount(store, email!);
    const { token, digest } = mintApiToken();
    const created = await store.createApiToken(account.id, { digest, name });
    // The secret goes to stdout alone (scripts capture it); what it is goes to stderr.
    ctx.io.err(`API token ${created.id} "${created.name}" for ${account.email}; it is not shown again:\n`);
    ctx.io.out(`${token}\n`);
    return 0;
  },
};

export const tokenList: Command = {
  path: ['token', 'list'],
  usage: '<email>',
  summary: "List a user's API tokens: id, created, last used, name (never the secret)",
  async run(ctx, { positionals }) {
    const [email] = takePositionals(this, positionals, 1);
    const store = await ctx.store();
    const account = await resolveAccount(store, email!);
    for (const t of await store.listApiTokens(account.id))
      ctx.io.out(
        `${t.id}\t${t.createdAt.toISOString()}\t${t.lastUsedAt?.toISOString() ?? 'never'}\t${t.name}\n`,
      );
    return 0;
  },
};

export const tokenRevoke: Command = {
  path: ['token', 'revoke'],
  usage: '<email> <id>',
  summary: "Revoke one of a user's API tokens (its push connections close too)",
  async run(ctx, { positionals }) {
    const [email, id] = takePositionals(this, positionals, 2);
    const store = await ctx.store();
    const account = await resolveAccount(store, email!);
    try {
      await store.deleteApiToken(account.id, id!);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      throw new CliError(
        `${account.email} has no API token ${id} (see: colibri token list ${account.email})`,
      );
    }
    ctx.io.out(`Revoked API token ${id} of ${account.email}\n`);
    return 0;
  },
};
