import { takePositionals } from '../args.js';
import type { Command } from '../command.js';
import { resolveAccount } from '../resolve-account.js';

export const aliasAdd: Command = {
  path: ['alias', 'add'],
  usage: '<alias@domain | @domain> <user-email>',
  summary: 'Deliver an extra address (or, with @domain, every unowned address of the domain) to a user',
  async run(ctx, { positionals }) {
    const [address, email] = takePositionals(this, positionals, 2);
    const store = await ctx.store();
    const account = await resolveAccount(store, email!);
    const alias = await store.createAlias(address!, account.id);
    const what = alias.isCatchAll ? `Catch-all ${alias.address}` : `Alias ${alias.address}`;
    ctx.io.out(`${what} delivers to ${account.email}\n`);
    return 0;
  },
};

export const aliasList: Command = {
  path: ['alias', 'list'],
  usage: '[user-email]',
  summary: "List aliases and catch-alls (all, or one user's)",
  async run(ctx, { positionals }) {
    // The user is optional: zero or one positional.
    const [email] = takePositionals(this, positionals, Math.min(positionals.length, 1));
    const store = await ctx.store();
    const account = email === undefined ? undefined : await resolveAccount(store, email);
    const owners = new Map((await store.listAccounts()).map((a) => [a.id, a.email]));
    for (const alias of await store.listAliases(account?.id))
      ctx.io.out(`${alias.address}\t${owners.get(alias.accountId) ?? alias.accountId}\n`);
    return 0;
  },
};

export const aliasDelete: Command = {
  path: ['alias', 'delete'],
  usage: '<alias@domain | @domain>',
  summary: 'Stop delivering an alias or catch-all',
  async run(ctx, { positionals }) {
    const [address] = takePositionals(this, positionals, 1);
    if (!(await (await ctx.store()).deleteAlias(address!))) {
      ctx.io.err(`No alias ${address}\n`);
      return 1;
    }
    ctx.io.out(`Deleted alias ${address!.toLowerCase()}\n`);
    return 0;
  },
};
