import { BOOKING_POLICIES, RESOURCE_KINDS } from '@colibri/mail-store';
import type { BookingPolicy, ResourceKind } from '@colibri/mail-store';
import { takePositionals } from '../args.js';
import { CliError, UsageError } from '../cli-error.js';
import type { Command } from '../command.js';
import { resolveAccount } from '../resolve-account.js';

const oneOf = <T extends string>(name: string, value: string, allowed: readonly T[]): T => {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of: ${allowed.join(', ')}`);
};

/**
 * `resource add`: a room or a piece of equipment that users invite like a person. It has no login
 * and no mailbox; its calendar answers invitations by its policy (see the store's `resources.ts`).
 */
export const resourceAdd: Command = {
  path: ['resource', 'add'],
  usage: '<email> --name <name> --kind room|equipment [--policy auto|approval] [--approver <user-email>]',
  summary: 'Create a bookable room or equipment: auto accepts when free, approval asks the approver',
  options: {
    name: { type: 'string' },
    kind: { type: 'string' },
    policy: { type: 'string' },
    approver: { type: 'string' },
  },
  async run(ctx, { positionals, values }) {
    const [email] = takePositionals(this, positionals, 1);
    const name = typeof values.name === 'string' ? values.name : '';
    if (name.trim() === '') throw new UsageError('--name is required');
    const kind = oneOf<ResourceKind>('kind', String(values.kind ?? ''), RESOURCE_KINDS);
    const policy = oneOf<BookingPolicy>('policy', String(values.policy ?? 'auto'), BOOKING_POLICIES);
    if (policy === 'approval' && typeof values.approver !== 'string')
      throw new UsageError('--policy approval needs --approver <user-email>');
    const store = await ctx.store();
    const approver =
      typeof values.approver === 'string' ? await resolveAccount(store, values.approver) : null;
    const resource = await store.createResource({
      email: email!,
      displayName: name,
      kind,
      policy,
      approverId: approver?.id ?? null,
    });
    const by = approver ? `, approved by ${approver.email}` : '';
    ctx.io.out(`Created ${kind} ${resource.email} (${resource.displayName}), policy ${policy}${by}\n`);
    return 0;
  },
};

/** `resource list`: email, kind, policy, approver (or -), name; tab-separated, by email. */
export const resourceList: Command = {
  path: ['resource', 'list'],
  usage: '',
  summary: 'List the rooms and equipment with their booking policy and approver',
  async run(ctx, { positionals }) {
    takePositionals(this, positionals, 0);
    const store = await ctx.store();
    const emails = new Map((await store.listAccounts()).map((a) => [a.id, a.email]));
    for (const r of await store.listResources()) {
      const approver = r.approverId === null ? '-' : (emails.get(r.approverId) ?? r.approverId);
      ctx.io.out(`${r.email}\t${r.kind}\t${r.policy}\t${approver}\t${r.displayName}\n`);
    }
    return 0;
  },
};

export const resourceDelete: Command = {
  path: ['resource', 'delete'],
  usage: '<email> --yes',
  summary: 'Delete a room or equipment and its bookings (asks for --yes)',
  options: { yes: { type: 'boolean' } },
  async run(ctx, { positionals, values }) {
    const [email] = takePositionals(this, positionals, 1);
    const store = await ctx.store();
    const account = await store.findAccountByEmail(email!);
    const resource = account && (await store.getResource(account.id));
    if (!resource) throw new CliError(`No resource ${email} (see: colibri resource list)`);
    if (values.yes !== true)
      throw new CliError(`This deletes ${resource.email} and its bookings; add --yes to confirm`);
    await store.deleteAccount(resource.accountId);
    ctx.io.out(`Deleted ${resource.kind} ${resource.email}\n`);
    return 0;
  },
};
