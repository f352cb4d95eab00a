import { randomBytes } from 'node:crypto';
import { hashPassword } from '@colibri/mail-store';
import type { Account, MailStore } from '@colibri/mail-store';
import { takePositionals } from '../args.js';
import { CliError, UsageError } from '../cli-error.js';
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

/** A user with the standard mailboxes: what `user add`, `user throwaway` and `user reset` make. */
async function createUser(
  store: MailStore,
  input: { email: string; displayName: string; passwordHash: string },
): Promise<Account> {
  const account = await store.createAccount(input);
  for (const [i, box] of defaultMailboxes.entries())
    await store.createMailbox(account.id, { name: box.name, role: box.role, sortOrder: i + 1 });
  return account;
}

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
    const account = await createUser(store, {
      email: email!,
      displayName: name,
      passwordHash: await hashPassword(password),
    });
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
    // Rooms and equipment are accounts too, but not users: `resource list` shows them.
    const resources = new Set((await store.listResources()).map((r) => r.accountId));
    for (const account of await store.listAccounts()) {
      if (resources.has(account.id)) continue;
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

/**
 * For conformance runners and client tests: users no one else uses, each with an empty account and
 * a random password, printed as `email<TAB>password` lines (the only time the passwords are
 * shown). `--count` makes several in one run: a test suite that wants a fresh user per file pays
 * for one process start, not one per user.
 */
export const userThrowaway: Command = {
  path: ['user', 'throwaway'],
  usage: '[--domain example.org] [--count 1]',
  summary: 'Create users with an empty account and a random password, and print both',
  options: { domain: { type: 'string' }, count: { type: 'string' } },
  async run(ctx, { positionals, values }) {
    takePositionals(this, positionals, 0);
    const count = typeof values.count === 'string' ? Number(values.count) : 1;
    if (!Number.isInteger(count) || count < 1 || count > 1000)
      throw new UsageError('--count is a whole number from 1 to 1000');
    const store = await ctx.store();
    const wanted = typeof values.domain === 'string' ? values.domain.toLowerCase() : null;
    const domains = await store.listDomains();
    const domain = wanted === null ? domains[0] : domains.find((d) => d.name === wanted);
    if (!domain)
      throw new CliError(
        wanted === null
          ? 'No domain yet: add one with `colibri domain add`'
          : `Domain ${wanted} does not exist`,
      );
    for (let i = 0; i < count; i++) {
      const email = `throwaway-${randomBytes(6).toString('hex')}@${domain.name}`;
      // 144 random bits, URL-safe: fine in Basic credentials and on a command line.
      const password = randomBytes(18).toString('base64url');
      const account = await createUser(store, {
        email,
        displayName: 'Throwaway',
        passwordHash: await hashPassword(password),
      });
      ctx.io.out(`${account.email}\t${password}\n`);
    }
    return 0;
  },
};

/**
 * Empties an account for the next conformance run: it is deleted (mail, mailboxes, identities,
 * vacation response, submissions) and made again with the same address, name, password and
 * quota, and the standard mailboxes. Its account id changes; a client reads the new one from the
 * JMAP Session.
 */
export const userReset: Command = {
  path: ['user', 'reset'],
  usage: '<email> --yes',
  summary: "Empty a user's account (same address and password; asks for --yes)",
  options: { yes: { type: 'boolean' } },
  async run(ctx, { positionals, values }) {
    const [email] = takePositionals(this, positionals, 1);
    const store = await ctx.store();
    const account = await resolveAccount(store, email!);
    if (values.yes !== true)
      throw new CliError(`This deletes all of ${account.email}'s mail and settings; add --yes to confirm`);
    const passwordHash = await store.getPasswordHash(account.id);
    const { maxBytes, maxEmails } = await store.getQuota(account.id);
    await store.deleteAccount(account.id);
    const fresh = await createUser(store, {
      email: account.email,
      displayName: account.displayName,
      passwordHash: passwordHash ?? '',
    });
    if (maxBytes !== null || maxEmails !== null) await store.setQuota(fresh.id, { maxBytes, maxEmails });
    const { removedBlobs } = await store.collectGarbage();
    ctx.io.out(`Reset ${fresh.email} (${removedBlobs} blob files removed)\n`);
    return 0;
  },
};
