import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { downloadUrlFor } from '@colibri/jmap-client';
import type { JmapClient } from '@colibri/jmap-client';
import type { Id } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { copyBlobsToAccount } from '../api/copy-blobs';
import type { ComposeAccount } from '../api/get-compose-account';
import { bodyText, composeMessageQueryOptions, htmlBodyOf } from '../api/get-message';
import type { ComposeSourceEmail } from '../api/get-message';
import type { DraftAttachment } from '../lib/draft';
import { contentOfDraft, initialContent } from '../lib/initial-content';
import type { ContentContext, SourceMessage } from '../lib/initial-content';
import { composeMessages } from '../messages';
import { useComposerActions } from '../stores/composer-store';
import type { Composer } from '../stores/composer-store';

export function toSourceMessage(email: ComposeSourceEmail): SourceMessage {
  const plainParts = email.textBody.filter((part) => part.type === 'text/plain');
  return {
    ...email,
    body: { html: htmlBodyOf(email), text: plainParts.length > 0 ? bodyText(email, plainParts) : null },
  };
}

export function contentContext(account: ComposeAccount, format: 'rich' | 'plain'): ContentContext {
  return {
    identities: account.identities,
    ownAddresses: [account.session.username, ...account.identities.map((identity) => identity.email)],
    format,
    date: { locale: composeMessages.locale },
  };
}

/**
 * The files with blobIds of the user's own account, copied from `fromAccountId`; a file that could
 * not be copied stays listed, failed (sending waits until it is removed), so that nothing is left
 * out unseen.
 */
export async function ownCopies(
  client: JmapClient,
  fromAccountId: Id,
  accountId: Id,
  attachments: readonly DraftAttachment[],
): Promise<DraftAttachment[]> {
  const blobIds = attachments.flatMap((file) => file.blobId ?? []);
  const copies = await copyBlobsToAccount(client, fromAccountId, accountId, blobIds).catch(
    () => new Map<Id, Id>(),
  );
  return attachments.map((file) => {
    const blobId = file.blobId === null ? undefined : copies.get(file.blobId);
    return blobId === undefined
      ? { ...file, blobId: null, status: 'error', progress: 0, error: composeMessages.copyError }
      : { ...file, blobId };
  });
}

/**
 * Fills a composer that was opened on an email: the answer or forward of its source, or the saved
 * draft as it was. A new message needs nothing from the server but the account.
 */
export function useComposerLoader(composer: Composer, account: ComposeAccount) {
  const client = useJmapClient();
  const queryClient = useQueryClient();
  const { composerLoaded, composerLoadFailed } = useComposerActions();
  const { id, status, mode, sourceEmailId, draftEmailId } = composer;
  // The recipients a new message was opened with (lib/compose-launcher `{ mode: 'new', to }`).
  const initialTo = composer.content.to;
  // A draft is always the user's own; an answered email may be in an account shared with them.
  const readFrom =
    draftEmailId === null ? (composer.sourceAccountId ?? account.accountId) : account.accountId;
  const needsContent = status === 'loading';

  useEffect(() => {
    if (!needsContent) return;
    let stale = false;
    const load = async () => {
      const context = contentContext(account, 'rich');
      const emailId = draftEmailId ?? sourceEmailId;
      if (emailId === null)
        return composerLoaded(id, { ...initialContent('new', null, context), to: initialTo });
      const email = await queryClient.fetchQuery(composeMessageQueryOptions(client, readFrom, emailId));
      if (stale) return;
      if (email === null) return composerLoadFailed(id, composeMessages.sourceGone);
      const source = toSourceMessage(email);
      if (draftEmailId !== null) {
        const download = (part: SourceMessage['attachments'][number]) =>
          downloadUrlFor(account.session, {
            accountId: account.accountId,
            blobId: part.blobId ?? '',
            name: part.name ?? 'image',
            type: part.type,
          });
        return composerLoaded(id, contentOfDraft(source, context, download));
      }
      const content = initialContent(mode, source, context);
      // An Email/set may not reference blobs of another account: a forward from a shared folder
      // takes copies of its files in the user's own account (RFC 8620 §6.3 Blob/copy).
      if (readFrom !== account.accountId && content.attachments.length > 0) {
        content.attachments = await ownCopies(client, readFrom, account.accountId, content.attachments);
        if (stale) return;
      }
      composerLoaded(id, content);
    };
    load().catch(() => {
      if (!stale) composerLoadFailed(id, composeMessages.loadError);
    });
    return () => {
      stale = true;
    };
  }, [
    needsContent,
    id,
    mode,
    sourceEmailId,
    draftEmailId,
    initialTo,
    readFrom,
    account,
    client,
    queryClient,
    composerLoaded,
    composerLoadFailed,
  ]);
}
