import { queryOptions, useQuery } from '@tanstack/react-query';
import type { JmapClient } from '@colibri/jmap-client';
import { Capability } from '@colibri/jmap-types';
import type {
  CoreCapability,
  Id,
  Identity,
  MailAccountCapability,
  Session,
  SubmissionAccountCapability,
} from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { composeKeys } from './keys';

/** The mailboxes composing needs by role (RFC 8621 §2: Drafts and Sent). */
export interface ComposeMailboxes {
  drafts: Id | null;
  sent: Id | null;
}

export function sessionQueryOptions(client: JmapClient) {
  // The client caches the Session itself (RFC 8620 §2); this only shares it with React.
  return queryOptions({
    queryKey: composeKeys.session(),
    queryFn: () => client.getSession(),
    staleTime: Infinity,
  });
}

/** RFC 8621 §6.1: the account's identities, the default (not deletable) one first. */
export async function getIdentities(client: JmapClient, accountId: Id): Promise<Identity[]> {
  const { list } = await client.call('Identity/get', { accountId, ids: null });
  return (list as Identity[]).sort((a, b) => Number(a.mayDelete) - Number(b.mayDelete));
}

export function identitiesQueryOptions(client: JmapClient, accountId: Id) {
  return queryOptions({
    queryKey: composeKeys.identities(accountId),
    queryFn: () => getIdentities(client, accountId),
    staleTime: 5 * 60_000,
  });
}

/** RFC 8621 §2.1: the Drafts and Sent mailboxes, found by role. */
export async function getComposeMailboxes(client: JmapClient, accountId: Id): Promise<ComposeMailboxes> {
  const { list } = await client.call('Mailbox/get', { accountId, ids: null, properties: ['id', 'role'] });
  return {
    drafts: list.find((mailbox) => mailbox.role === 'drafts')?.id ?? null,
    sent: list.find((mailbox) => mailbox.role === 'sent')?.id ?? null,
  };
}

export function composeMailboxesQueryOptions(client: JmapClient, accountId: Id) {
  return queryOptions({
    queryKey: composeKeys.mailboxRoles(accountId),
    queryFn: () => getComposeMailboxes(client, accountId),
    staleTime: 5 * 60_000,
  });
}

export interface ComposeAccount {
  session: Session;
  accountId: Id;
  identities: Identity[];
  mailboxes: ComposeMailboxes;
  /** RFC 8620 §2 maxSizeUpload, in bytes. */
  maxSizeUpload: number;
  /** RFC 8621 §1.3.2 maxDelayedSend, in seconds (0: no send later). */
  maxDelayedSend: number;
  /** RFC 8621 §1.3.1 maxSizeAttachmentsPerEmail, in bytes (0: not announced). */
  maxSizeAttachments: number;
}

/** Everything a composer needs from the server before it can be shown; undefined while loading. */
export function useComposeAccount(): { account: ComposeAccount | undefined; error: Error | null } {
  const client = useJmapClient();
  const session = useQuery(sessionQueryOptions(client));
  const accountId = session.data?.primaryAccounts[Capability.Mail] ?? '';
  const identities = useQuery({ ...identitiesQueryOptions(client, accountId), enabled: accountId !== '' });
  const mailboxes = useQuery({
    ...composeMailboxesQueryOptions(client, accountId),
    enabled: accountId !== '',
  });
  const error = session.error ?? identities.error ?? mailboxes.error;
  if (!session.data || !identities.data || !mailboxes.data) return { account: undefined, error };
  const core = session.data.capabilities[Capability.Core] as CoreCapability | undefined;
  const capabilities = session.data.accounts[accountId]?.accountCapabilities;
  const mail = capabilities?.[Capability.Mail] as MailAccountCapability | undefined;
  const submission = capabilities?.[Capability.Submission] as SubmissionAccountCapability | undefined;
  return {
    account: {
      session: session.data,
      accountId,
      identities: identities.data,
      mailboxes: mailboxes.data,
      maxSizeUpload: core?.maxSizeUpload ?? 0,
      maxDelayedSend: submission?.maxDelayedSend ?? 0,
      maxSizeAttachments: mail?.maxSizeAttachmentsPerEmail ?? 0,
    },
    error,
  };
}

/** The primary mail account's id, or undefined while the Session loads. */
export function useComposeAccountId(): Id | undefined {
  const client = useJmapClient();
  const session = useQuery(sessionQueryOptions(client));
  return session.data?.primaryAccounts[Capability.Mail];
}
