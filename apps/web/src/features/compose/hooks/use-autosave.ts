import { useEffect } from 'react';
import { useJmapClient } from '../../../lib/jmap';
import type { ComposeAccount } from '../api/get-compose-account';
import { saveDraft } from '../api/save-draft';
import { buildEmailCreate } from '../lib/email-create';
import { composeMessages } from '../messages';
import { useComposerStore } from '../stores/composer-store';
import type { Composer } from '../stores/composer-store';

/** Quiet time after the last edit before the draft is saved. */
export const AUTOSAVE_DELAY_MS = 1500;

/** The save in flight per composer: sending waits for it, so that no stray draft is left. */
const inFlight = new Map<string, Promise<void>>();

export function waitForSave(composerId: string): Promise<void> {
  return inFlight.get(composerId) ?? Promise.resolve();
}

/** Saves the composer's content as a draft now (replacing the previous one). */
export function saveComposerNow(
  client: ReturnType<typeof useJmapClient>,
  account: ComposeAccount,
  composerId: string,
): Promise<void> {
  const run = async () => {
    await waitForSave(composerId);
    const composer = useComposerStore.getState().composers.find((c) => c.id === composerId);
    if (!composer || composer.sending || composer.revision <= composer.savedRevision) return;
    const { actions } = useComposerStore.getState();
    const identity =
      account.identities.find((i) => i.id === composer.content.identityId) ?? account.identities[0];
    if (!identity || !account.mailboxes.drafts)
      return actions.draftSaveFailed(composerId, composeMessages.noDrafts);
    const revision = composer.revision;
    actions.draftSaving(composerId);
    try {
      const email = buildEmailCreate(composer.content, {
        identity,
        draftsMailboxId: account.mailboxes.drafts,
      });
      const emailId = await saveDraft(client, account.accountId, email, composer.draftEmailId);
      actions.draftSaved(composerId, emailId, revision);
    } catch {
      actions.draftSaveFailed(composerId, composeMessages.saveError);
    }
  };
  const promise = run().finally(() => {
    if (inFlight.get(composerId) === promise) inFlight.delete(composerId);
  });
  inFlight.set(composerId, promise);
  return promise;
}

/**
 * Saves the draft to the Drafts mailbox a moment after the person stops typing (RFC 8621 §4.6,
 * one Email/set that creates the new version and destroys the old). A new untouched composer is
 * never saved: revision 0 is what it was opened with.
 */
export function useAutosave(composer: Composer, account: ComposeAccount) {
  const client = useJmapClient();
  const { id, revision, savedRevision, status, sending, saving } = composer;
  useEffect(() => {
    if (status !== 'ready' || sending || saving || revision <= savedRevision) return;
    const timer = setTimeout(() => void saveComposerNow(client, account, id), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [id, revision, savedRevision, status, sending, saving, client, account]);
}
