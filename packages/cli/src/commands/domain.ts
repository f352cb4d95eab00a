import { takePositionals } from '../args.js';
import type { Command } from '../command.js';

export const domainAdd: Command = {
  path: ['domain', 'add'],
  usage: '<domain>',
  summary: 'Add a mail domain (e.g. example.org) that users can be created in',
  async run(ctx, { positionals }) {
    const [name] = takePositionals(this, positionals, 1);
    const domain = await (await ctx.store()).createDomain(name!);
    ctx.io.out(`Added domain ${domain.name}\n`);
    return 0;
  },
};

export const domainList: Command = {
  path: ['domain', 'list'],
  usage: '',
  summary: 'List the domains and how many users each has',
  async run(ctx, { positionals }) {
    takePositionals(this, positionals, 0);
    const store = await ctx.store();
    const accounts = await store.listAccounts();
    const domains = new Map<string, number>();
    for (const a of accounts) {
      const name = a.email.slice(a.email.lastIndexOf('@') + 1);
      domains.set(name, (domains.get(name) ?? 0) + 1);
    }
    for (const d of await store.listDomains()) if (!domains.has(d.name)) domains.set(d.name, 0);
    for (const [name, users] of [...domains].sort(([a], [b]) => a.localeCompare(b)))
      ctx.io.out(`${name}\t${users} user${users === 1 ? '' : 's'}\n`);
    return 0;
  },
};
