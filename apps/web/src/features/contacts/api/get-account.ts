import { queryOptions, useQuery } from '@tanstack/react-query';
import type { JmapClient } from '@colibri/jmap-client';
import { Capability } from '@colibri/jmap-types';
import type { Id, Session } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { contactsKeys } from './keys';

export interface ContactsAccount {
  session: Session;
  /** The primary account for contacts (RFC 9610 §1.4), null when the server has no contacts. */
  accountId: Id | null;
  /** core maxObjectsInGet / maxObjectsInSet (RFC 8620 §2): the batch sizes of get and set. */
  maxObjectsInGet: number;
  maxObjectsInSet: number;
}

/** Explicit ceilings even when the server allows more: one request stays a few hundred KiB. */
const BATCH_CEILING = 500;

export async function getContactsAccount(client: JmapClient): Promise<ContactsAccount> {
  const session = await client.getSession();
  const core = session.capabilities[Capability.Core] as
    { maxObjectsInGet?: number; maxObjectsInSet?: number } | undefined;
  return {
    session,
    accountId: (session.primaryAccounts as Record<string, Id | undefined>)[Capability.Contacts] ?? null,
    maxObjectsInGet: Math.min(core?.maxObjectsInGet ?? BATCH_CEILING, BATCH_CEILING),
    maxObjectsInSet: Math.min(core?.maxObjectsInSet ?? BATCH_CEILING, BATCH_CEILING),
  };
}

export function contactsAccountQueryOptions(client: JmapClient) {
  return queryOptions({ queryKey: contactsKeys.session(), queryFn: () => getContactsAccount(client) });
}

export function useContactsAccount() {
  return useQuery(contactsAccountQueryOptions(useJmapClient()));
}
