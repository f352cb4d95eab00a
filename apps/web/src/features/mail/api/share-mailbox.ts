import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ref } from '@colibri/jmap-client';
import type { JmapClient } from '@colibri/jmap-client';
import type { Id, MailboxRights } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { useToastActions } from '../../../lib/toast-store';
import { sharingMessages } from '../sharing-messages';
import { mailKeys } from './keys';
import { MailboxNotChangedError } from './set-mailbox';

/** Someone of the organisation a folder can be shared with (RFC 9670 §2 Principal). */
export interface SharePrincipal {
  id: Id;
  name: string;
  email: string | null;
}

export interface Sharee extends SharePrincipal {
  rights: MailboxRights;
}

/** At most this many suggestions while typing a name. */
export const PRINCIPAL_SUGGESTIONS = 10;

const principalOf = (p: { id?: Id; name?: string; email?: string | null }): SharePrincipal => ({
  id: p.id ?? '',
  name: p.name ?? '',
  email: p.email ?? null,
});

/** RFC 9670 §2.4/§2.1: the individuals whose name or address contains `text`, with their names. */
export async function findPrincipals(
  client: JmapClient,
  accountId: Id,
  text: string,
): Promise<SharePrincipal[]> {
  const { principals } = await client.request((b) => {
    const query = b.call('Principal/query', {
      accountId,
      filter: { text, type: 'individual' },
      limit: PRINCIPAL_SUGGESTIONS,
    });
    const principals = b.call('Principal/get', {
      accountId,
      ids: ref(query, '/ids'),
      properties: ['id', 'name', 'email'],
    });
    return { principals };
  });
  return principals.list.map(principalOf);
}

/** RFC 9670 §4: who a folder is shared with, and their rights, with their names (Principal/get). */
export async function getSharees(client: JmapClient, accountId: Id, mailboxId: Id): Promise<Sharee[]> {
  const { list } = await client.call('Mailbox/get', {
    accountId,
    ids: [mailboxId],
    properties: ['id', 'shareWith'],
  });
  const shareWith = list[0]?.shareWith ?? {};
  const ids = Object.keys(shareWith);
  if (ids.length === 0) return [];
  const principals = await client.call('Principal/get', {
    accountId,
    ids,
    properties: ['id', 'name', 'email'],
  });
  const byId = new Map(principals.list.map((p) => [p.id, principalOf(p)]));
  return ids
    .map((id) => ({ ...(byId.get(id) ?? { id, name: id, email: null }), rights: shareWith[id]! }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** RFC 9670 §4 with RFC 8620 §5.3 patch: one sharee's rights, or null to stop sharing with them. */
export async function setSharee(
  client: JmapClient,
  accountId: Id,
  mailboxId: Id,
  principalId: Id,
  rights: MailboxRights | null,
): Promise<void> {
  const result = await client.call('Mailbox/set', {
    accountId,
    update: { [mailboxId]: { [`shareWith/${principalId}`]: rights } },
  });
  const refused = result.notUpdated?.[mailboxId];
  if (refused) throw new MailboxNotChangedError(refused);
}

export function shareesQueryOptions(client: JmapClient, accountId: Id, mailboxId: Id) {
  return queryOptions({
    queryKey: mailKeys.shares(accountId, mailboxId),
    queryFn: () => getSharees(client, accountId, mailboxId),
  });
}

export function useSharees(accountId: Id, mailboxId: Id) {
  return useQuery(shareesQueryOptions(useJmapClient(), accountId, mailboxId));
}

/** Suggestions for what is typed (from two characters on); the last ones stay while typing on. */
export function usePrincipalSuggestions(accountId: Id, text: string) {
  const client = useJmapClient();
  const wanted = text.trim();
  return useQuery({
    queryKey: mailKeys.principals(accountId, wanted),
    queryFn: () => findPrincipals(client, accountId, wanted),
    enabled: wanted.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export interface ShareChange {
  principal: SharePrincipal;
  rights: MailboxRights | null;
}

/** Shares, changes or stops sharing; the sharee list refreshes, the outcome is told in a toast. */
export function useSetSharee(accountId: Id, mailboxId: Id) {
  const client = useJmapClient();
  const queryClient = useQueryClient();
  const { toastShown } = useToastActions();
  return useMutation({
    mutationFn: ({ principal, rights }: ShareChange) =>
      setSharee(client, accountId, mailboxId, principal.id, rights),
    onSuccess: (_, { principal, rights }) => {
      const who = principal.name || principal.email || principal.id;
      toastShown({
        tone: 'info',
        message: rights ? sharingMessages.shared(who) : sharingMessages.unshared(who),
      });
    },
    onError: (error) =>
      toastShown({
        tone: 'error',
        message: sharingMessages.shareFailed(error instanceof Error ? error.message : String(error)),
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: mailKeys.shares(accountId, mailboxId) }),
  });
}
