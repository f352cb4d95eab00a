import { ref } from '@colibri/jmap-client';
import type { JmapClient } from '@colibri/jmap-client';
import { Capability } from '@colibri/jmap-types';
import type { Id, SetError } from '@colibri/jmap-types';
import { actionPatch } from '../lib/email-action';
import type { EmailAction } from '../lib/email-action';

/** Some emails of a bulk action were refused by the server (RFC 8620 §5.3 notUpdated). */
export class EmailsNotUpdatedError extends Error {
  override readonly name = 'EmailsNotUpdatedError';
  constructor(
    readonly notUpdated: Readonly<Record<Id, SetError>>,
    readonly attempted: number,
  ) {
    const first = Object.values(notUpdated)[0];
    const reason = first?.description ?? first?.type ?? 'refused';
    super(`${Object.keys(notUpdated).length} of ${attempted} messages could not be changed: ${reason}`);
  }
}

/**
 * Applies one action to many emails with Email/set (RFC 8621 §4.6), in batches of the server's
 * maxObjectsInSet (RFC 8620 §2). Resolves when all were updated; otherwise throws
 * EmailsNotUpdatedError with what the server refused (the others stay changed).
 */
export async function setEmails(client: JmapClient, accountId: Id, ids: readonly Id[], action: EmailAction) {
  const session = await client.getSession();
  const max = Math.max(1, session.capabilities[Capability.Core].maxObjectsInSet);
  const patch = actionPatch(action);
  const notUpdated: Record<Id, SetError> = {};
  for (let i = 0; i < ids.length; i += max) {
    const batch = ids.slice(i, i + max);
    const result = await client.call('Email/set', {
      accountId,
      update: Object.fromEntries(batch.map((id) => [id, patch])),
    });
    Object.assign(notUpdated, result.notUpdated ?? {});
  }
  if (Object.keys(notUpdated).length > 0) throw new EmailsNotUpdatedError(notUpdated, ids.length);
}

/**
 * In conversation mode a row stands for its thread (RFC 8621 §3): the action applies to every
 * email of those threads, and a move to those in the mailbox the list shows (Email/get of the
 * row's threadId, Thread/get, Email/get of the mailboxIds, chained by result references).
 */
export async function threadEmailIds(
  client: JmapClient,
  accountId: Id,
  rowIds: readonly Id[],
  onlyInMailbox: Id | null,
): Promise<Id[]> {
  const { emails } = await client.request((b) => {
    const rows = b.call('Email/get', { accountId, ids: [...rowIds], properties: ['threadId'] });
    const threads = b.call('Thread/get', { accountId, ids: ref(rows, '/list/*/threadId') });
    const emails = b.call('Email/get', {
      accountId,
      ids: ref(threads, '/list/*/emailIds'),
      properties: ['id', 'mailboxIds'],
    });
    return { emails };
  });
  return emails.list
    .filter((email) => onlyInMailbox === null || email.mailboxIds?.[onlyInMailbox])
    .map((email) => email.id as Id);
}
