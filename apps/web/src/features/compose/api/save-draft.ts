import type { JmapClient } from '@colibri/jmap-client';
import type { Email, Id, SetError } from '@colibri/jmap-types';
import { composeMessages } from '../messages';

/** A create or destroy the server refused (a value of notCreated/notDestroyed, RFC 8620 §5.3). */
export class ComposeSetError extends Error {
  constructor(
    readonly setError: SetError,
    what: string,
  ) {
    super(`${what}: ${setError.description ?? setError.type}`);
  }
}

/**
 * RFC 8621 §4.6: an Email cannot be changed, so saving a draft creates the new version and
 * destroys the previous one in the same Email/set (one request, one state change).
 */
export async function saveDraft(
  client: JmapClient,
  accountId: Id,
  email: Partial<Email>,
  previousId: Id | null,
): Promise<Id> {
  const result = await client.call('Email/set', {
    accountId,
    create: { draft: email },
    ...(previousId ? { destroy: [previousId] } : {}),
  });
  const refused = result.notCreated?.draft;
  if (refused) throw new ComposeSetError(refused, composeMessages.draftNotSaved);
  const id = result.created?.draft?.id;
  if (!id) throw new Error('The server created the draft without an id.');
  return id;
}

/** Deletes a draft for good (discarding the composer). A draft already gone is fine. */
export async function destroyDraft(client: JmapClient, accountId: Id, emailId: Id): Promise<void> {
  const result = await client.call('Email/set', { accountId, destroy: [emailId] });
  const refused = result.notDestroyed?.[emailId];
  if (refused && refused.type !== 'notFound')
    throw new ComposeSetError(refused, composeMessages.draftNotDeleted);
}
