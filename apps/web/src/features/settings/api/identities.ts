import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JmapClient } from '@colibri/jmap-client';
import type { Id, Identity } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { settingsKeys } from './keys';
import { throwIfRefused } from './set-error';

/** What the form edits; `mayDelete` and `id` are the server's (RFC 8621 §6). */
export type IdentityFields = Pick<Identity, 'name' | 'email' | 'replyTo' | 'textSignature' | 'htmlSignature'>;

/** RFC 8621 §6.1: every identity of the account, the default (not deletable) ones first. */
export async function getIdentities(client: JmapClient, accountId: Id): Promise<Identity[]> {
  const { list } = await client.call('Identity/get', { accountId, ids: null });
  return (list as Identity[]).sort((a, b) => Number(a.mayDelete) - Number(b.mayDelete));
}

export function identitiesQueryOptions(client: JmapClient, accountId: Id) {
  return queryOptions({
    queryKey: settingsKeys.identities(accountId),
    queryFn: () => getIdentities(client, accountId),
  });
}

export function useIdentities(accountId: Id) {
  return useQuery(identitiesQueryOptions(useJmapClient(), accountId));
}

export type IdentityChange =
  | { kind: 'create'; fields: IdentityFields }
  | { kind: 'update'; id: Id; fields: Partial<IdentityFields> }
  | { kind: 'destroy'; id: Id };

/**
 * RFC 8621 §6.3: one Identity/set; the item's refusal (forbiddenFrom for an address the account
 * may not use, invalidProperties, forbidden for the default identity) is thrown as a SettingsSetError.
 */
export async function changeIdentity(
  client: JmapClient,
  accountId: Id,
  change: IdentityChange,
): Promise<void> {
  switch (change.kind) {
    case 'create': {
      const result = await client.call('Identity/set', { accountId, create: { new: change.fields } });
      return throwIfRefused(result.notCreated, 'new');
    }
    case 'update': {
      const result = await client.call('Identity/set', { accountId, update: { [change.id]: change.fields } });
      return throwIfRefused(result.notUpdated, change.id);
    }
    case 'destroy': {
      const result = await client.call('Identity/set', { accountId, destroy: [change.id] });
      return throwIfRefused(result.notDestroyed, change.id);
    }
    default: {
      const unknown: never = change;
      throw new Error(`Unknown identity change ${String(unknown)}`);
    }
  }
}

/**
 * Saves a change, then refreshes the identities of every feature (the composer keys them
 * `['compose', accountId, 'Identity', …]`), as an Identity push would (RFC 8620 §7.1).
 */
export function useChangeIdentity(accountId: Id) {
  const client = useJmapClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: IdentityChange) => changeIdentity(client, accountId, change),
    onSettled: () =>
      queryClient.invalidateQueries({
        predicate: ({ queryKey }) => queryKey[1] === accountId && queryKey[2] === 'Identity',
      }),
  });
}
