import { takePositionals } from '../args.js';
import { UsageError } from '../cli-error.js';
import type { Command } from '../command.js';
import { resolveAccount } from '../resolve-account.js';
import { formatSize, parseCount, parseSize } from '../sizes.js';

export const quotaSet: Command = {
  path: ['quota', 'set'],
  usage: '<email> [--size 500M|unlimited] [--count 10000|unlimited]',
  summary: "Set a user's limits (a limit not given is kept)",
  options: { size: { type: 'string' }, count: { type: 'string' } },
  async run(ctx, { positionals, values }) {
    const [email] = takePositionals(this, positionals, 1);
    if (values.size === undefined && values.count === undefined)
      throw new UsageError('Give --size and/or --count');
    const maxBytes = typeof values.size === 'string' ? parseSize(values.size) : undefined;
    const maxEmails = typeof values.count === 'string' ? parseCount(values.count) : undefined;
    const store = await ctx.store();
    const account = await resolveAccount(store, email!);
    const current = await store.getQuota(account.id);
    await store.setQuota(account.id, {
      maxBytes: maxBytes === undefined ? current.maxBytes : maxBytes,
      maxEmails: maxEmails === undefined ? current.maxEmails : maxEmails,
    });
    return quotaShow.run(ctx, { positionals: [email!], values: {} });
  },
};

export const quotaShow: Command = {
  path: ['quota', 'show'],
  usage: '<email>',
  summary: "Show a user's limits and usage",
  async run(ctx, { positionals }) {
    const [email] = takePositionals(quotaShow, positionals, 1);
    const store = await ctx.store();
    const account = await resolveAccount(store, email!);
    const q = await store.getQuota(account.id);
    const of = (limit: string) => (limit === '' ? '(unlimited)' : `of ${limit}`);
    ctx.io.out(`${account.email}\n`);
    ctx.io.out(`  emails  ${q.usedEmails} ${of(q.maxEmails === null ? '' : String(q.maxEmails))}\n`);
    ctx.io.out(
      `  size    ${formatSize(q.usedBytes)} ${of(q.maxBytes === null ? '' : formatSize(q.maxBytes))}\n`,
    );
    return 0;
  },
};
