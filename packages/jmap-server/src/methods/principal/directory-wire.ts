import { Capability } from '@colibri/jmap-types';
import type { JmapPrincipal, PrincipalType, SessionAccount } from '@colibri/jmap-types';
import type { Account, BookableResource } from '@colibri/mail-store';
import { createHash } from 'node:crypto';
import { directoryOf } from '../../directory.js';
import type { MethodContext } from '../../method-context.js';
import { accessibleSharedAccounts, buildOwnAccount } from '../../session.js';

/** RFC 9670 §2: every Principal property, the default when `properties` is null. */
export const PRINCIPAL_PROPERTIES: readonly (keyof JmapPrincipal)[] = [
  'id',
  'type',
  'name',
  'description',
  'email',
  'timeZone',
  'capabilities',
  'accounts',
];

/**
 * The principal's directory as Principal objects (RFC 9670 §2): one individual per account of
 * their organisation, whose id is that account's id, with the accounts of it they may access.
 * The state is a digest of what they see: the directory has no change log, so /changes from any
 * other state is cannotCalculateChanges (the client fetches again).
 */
export async function loadPrincipals(ctx: MethodContext): Promise<{ list: JmapPrincipal[]; state: string }> {
  const directory = await directoryOf(ctx.store, ctx.principal);
  const shared = await accessibleSharedAccounts(ctx.store, ctx.principal);
  const own = await buildOwnAccount(ctx.store, ctx.principal);
  const resources = new Map((await ctx.store.listResources()).map((r) => [r.accountId as string, r]));
  const list = directory.map((account) =>
    principalOf(account, accountsOf(account, own, shared, ctx), resources.get(account.id)),
  );
  // Account objects carry time-dependent capabilities (submission's FUTURERELEASE): the state
  // digests what identifies them instead.
  const digestible = list.map((p) => ({
    ...p,
    accounts: p.accounts && Object.entries(p.accounts).map(([id, a]) => [id, a.isReadOnly]),
  }));
  const state = createHash('sha256').update(JSON.stringify(digestible)).digest('base64url').slice(0, 16);
  return { list, state };
}

function accountsOf(
  account: Account,
  own: SessionAccount,
  shared: Record<string, SessionAccount>,
  ctx: MethodContext,
): Record<string, SessionAccount> | null {
  if (account.id === ctx.principal.accountId) return { [account.id]: own };
  const sharedAccount = shared[account.id];
  return sharedAccount === undefined ? null : { [account.id]: sharedAccount };
}

/** RFC 9670 §2 `type`: a room is a `location`, equipment a `resource`, anyone else an `individual`. */
const TYPES: Record<BookableResource['kind'], PrincipalType> = { room: 'location', equipment: 'resource' };

/** What a resource's `description` says of its booking policy (RFC 9670 §2: free text). */
const POLICY_TEXT: Record<BookableResource['policy'], string> = {
  auto: 'Accepts invitations when free, declines on conflict.',
  approval: 'Requests are answered by an approver; declines on conflict.',
};

function principalOf(
  account: Account,
  accounts: Record<string, SessionAccount> | null,
  resource: BookableResource | undefined,
): JmapPrincipal {
  return {
    id: account.id,
    type: resource ? TYPES[resource.kind] : 'individual',
    name: account.displayName.trim() === '' ? account.email : account.displayName,
    description: resource ? POLICY_TEXT[resource.policy] : null,
    email: account.email,
    timeZone: null,
    // JMAP Calendars §2.1 (the Principal's calendars capability): how to invite a resource and see
    // its availability. Its account is not shared with everyone, hence accountId null.
    capabilities: resource
      ? {
          [Capability.Calendars]: {
            accountId: accounts?.[account.id] ? account.id : null,
            mayGetAvailability: true,
            mayShareWith: false,
            calendarAddress: `mailto:${account.email}`,
          },
        }
      : {},
    accounts,
  };
}
