import { hashPassword } from '@colibri/mail-store';
import { takePositionals } from '../args.js';
import { CliError } from '../cli-error.js';
import type { Command } from '../command.js';
import { readNewPassword } from '../read-password.js';
import { resolveAccount } from '../resolve-account.js';

/** The mailboxes every new user gets (RFC 8621 §2 roles), as the demo and the web app expect. */
const defaultMailboxes = [
  { name: 'Inbox', role: 'inbox' },
  { name: 'Drafts', role: 'drafts' },
  { name: 'Sent', role: 'sent' },
  { name: 'Archive', role: 'archive' },
  { name: 'Junk', role: 'junk' },
  { name: 'Trash', role: 'trash' },
] as const;

export const userAdd: Command = {
  path: ['user', 'add'],
  usage: '<email> [--name "Display Name"] [--password-stdin]',
  summary: 'Create a user (its domain must exist) with the standard mailboxes',
  options: { name: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
  async run(ctx, { positionals, values }) {
    const [email] = takePositionals(this, positionals, 1);
    const store = await ctx.store();
    if (await store.findAccountByEmail(email!)) throw new CliError(`User ${email} already exists`);
    const password = await readNewPassword(ctx, values['password-stdin'] === true);
    const name = typeof values.name === 'string' ? values.name : email!.slice(0, email!.indexOf('@'));
    const account = await store.createAccount({
      email: email!,
      displayName: name,
      passwordHash: await hashPassword(password),
    });
    for (const [i, box] of defaultMailboxes.entries())
      await store.createMailbox(account.id, { name: box.name, role: box.role, sortOrder: i + 1 });
    ctx.io.out(`Added user ${account.email}\n`);
    return 0;
  },
};

export const userList: Command = {
  path: ['user', 'list'],
  usage: '',
  summary: 'List the users with their email count and size',
  async run(ctx, { positionals }) {
    takePositionals(this, positionals, 0);
    const store = await ctx.store();
    for (const account of await store.listAccounts()) {
      const quota = await store.getQuota(account.id);
      ctx.io.out(
        `${account.email}\t${account.displayName}\t${quota.usedEmails} emails\t${quota.usedBytes} bytes\n`,
      );
    }
    return 0;
  },
};

export const userPasswd: Command = {
  path: ['user', 'passwd'],
  usage: '<email> [--password-stdin]',
  summary: "Set a user's password",
  options: { 'password-stdin': { type: 'boolean' } },
  async run(ctx, { positionals, values }) {
    const [email] = takePositionals(this, positionals, 1);
    const store = await ctx.store();
    const account = await resolveAccount(store, email!);
    const password = await readNewPassword(ctx, values['password-stdin'] === true);
    await store.setPasswordHash(account.id, await hashPassword(password));
    ctx.io.out(`Password of ${account.email} changed\n`);
    return 0;
  },
};

export const userDelete: Command = {
  path: ['user', 'delete'],
  usage: '<email> --yes',
  summary: 'Delete a user and all its mail (asks for --yes)',
  options: { yes: { type: 'boolean' } },
  async run(ctx, { positionals, values }) {
    const [email] = takePositionals(this, positionals, 1);
    const store = await ctx.store();
    const account = await resolveAccount(store, email!);
    if (values.yes !== true)
      throw new CliError(`This deletes ${account.email} and all its mail; add --yes to confirm`);
    await store.deleteAccount(account.id);
    // Blob files only this user referenced: removed now that the metadata is gone.
    const { removedBlobs } = await store.collectGarbage();
    ctx.io.out(`Deleted user ${account.email} (${removedBlobs} blob files removed)\n`);
    return 0;
  },
};
