import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Keyword } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import type { ComposeAccount } from '../api/get-compose-account';
import { ComposeSetError } from '../api/save-draft';
import { SubmissionRefusedError, sendEmail } from '../api/send-email';
import { buildEmailCreate } from '../lib/email-create';
import { composeMessages } from '../messages';
import { useComposerStore } from '../stores/composer-store';
import type { Composer } from '../stores/composer-store';
import { useSendSettingsStore } from '../stores/send-settings-store';
import { useSendToastStore } from '../stores/send-toast-store';
import { cancelUploads } from './use-attachments';
import { waitForSave } from './use-autosave';
import { refreshAfterSend } from './use-cancel-send';

/**
 * What is wrong with a message before it may go; null when it may. `maxSizeAttachments` is the
 * server's maxSizeAttachmentsPerEmail (RFC 8621 §1.3.1; 0: none announced).
 */
export function sendProblem(composer: Composer, maxSizeAttachments: number): string | null {
  const { content } = composer;
  if (content.to.length + content.cc.length + content.bcc.length === 0) return composeMessages.noRecipients;
  if (content.attachments.some((a) => a.status === 'uploading')) return composeMessages.stillUploading;
  if (content.attachments.some((a) => a.status === 'error')) return composeMessages.failedUploads;
  const total = content.attachments.reduce((sum, a) => sum + a.size, 0);
  if (maxSizeAttachments > 0 && total > maxSizeAttachments)
    return composeMessages.attachmentsTooLarge(maxSizeAttachments);
  return null;
}

/** Sends a composer's message now (held `undoDelaySeconds` for undo) or at `later`. */
export function useSendComposer(account: ComposeAccount) {
  const client = useJmapClient();
  const queryClient = useQueryClient();
  return useCallback(
    async (composerId: string, later: Date | null = null) => {
      const store = useComposerStore.getState();
      const composer = store.composers.find((c) => c.id === composerId);
      if (!composer || composer.sending) return;
      const problem = sendProblem(composer, account.maxSizeAttachments);
      if (problem) return store.actions.sendFailed(composerId, problem);
      const identity =
        account.identities.find((i) => i.id === composer.content.identityId) ?? account.identities[0];
      if (!identity || !account.mailboxes.drafts)
        return store.actions.sendFailed(composerId, composeMessages.noDrafts);
      store.actions.sendStarted(composerId);
      await waitForSave(composerId);
      // The save may have replaced the draft meanwhile: read the latest id.
      const current = useComposerStore.getState().composers.find((c) => c.id === composerId) ?? composer;
      const delay = useSendSettingsStore.getState().undoDelaySeconds;
      const sendAt = later ?? (delay > 0 ? new Date(Date.now() + delay * 1000) : null);
      try {
        const sent = await sendEmail(client, {
          accountId: account.accountId,
          identityId: identity.id,
          email: buildEmailCreate(current.content, { identity, draftsMailboxId: account.mailboxes.drafts }),
          previousDraftId: current.draftEmailId,
          mailboxes: account.mailboxes,
          sendAt,
        });
        store.actions.composerClosed(composerId);
        cancelUploads(current.content.attachments);
        useSendToastStore.getState().actions.sendQueued(
          {
            submissionId: sent.submissionId,
            emailId: sent.emailId,
            sendAt: sent.sendAt,
            kind: later ? 'scheduled' : 'undo',
          },
          // Sent at once (no undo delay): the toast only says so.
          sent.undoStatus === 'pending' ? 'pending' : 'sent',
        );
        if (composer.sourceEmailId) {
          // RFC 8621 §4.1.1: $answered / $forwarded on the original, for the reader's markers.
          const keyword = composer.mode === 'forward' ? Keyword.Forwarded : Keyword.Answered;
          void client
            .call('Email/set', {
              accountId: composer.sourceAccountId ?? account.accountId,
              update: { [composer.sourceEmailId]: { [`keywords/${keyword}`]: true } },
            })
            .catch(() => undefined);
        }
        refreshAfterSend(queryClient, account.accountId);
      } catch (error) {
        const draftEmailId = error instanceof SubmissionRefusedError ? error.emailId : undefined;
        const message = error instanceof ComposeSetError ? error.message : composeMessages.sendError;
        store.actions.sendFailed(composerId, message, draftEmailId);
      }
    },
    [account, client, queryClient],
  );
}
