import { useState } from 'react';
import { Button } from '@colibri/ui';
import { downloadUrlFor } from '@colibri/jmap-client';
import type { Id, Session } from '@colibri/jmap-types';
import { LIST_UNSUBSCRIBE, LIST_UNSUBSCRIBE_POST } from '../api/get-email';
import type { EmailDetail } from '../api/get-email';
import { conversationMessages } from '../conversation-messages';
import { openBlobInNewTab } from '../lib/conversation-open-blob';
import { postOneClickUnsubscribe, unsubscribeMethod } from '../lib/conversation-unsubscribe';
import type { UnsubscribeMethod } from '../lib/conversation-unsubscribe';

export type ReplyMode = 'reply' | 'reply-all' | 'forward';
/** Filled by the composer: opens a reply, reply-all or forward of the email. */
export type ReplyHandler = (emailId: Id, mode: ReplyMode) => void;

type Status = { tone: 'info' | 'error'; text: string } | null;

function OneClickUnsubscribe({ url, onStatus }: { url: string; onStatus: (status: Status) => void }) {
  const [state, setState] = useState<'idle' | 'confirm' | 'sending' | 'done'>('idle');
  if (state === 'done') return null;
  if (state === 'confirm' || state === 'sending') {
    return (
      <span className="conversation-actions__confirm">
        {conversationMessages.unsubscribeConfirm(new URL(url).hostname)}{' '}
        <Button
          variant="primary"
          disabled={state === 'sending'}
          onClick={() => {
            setState('sending');
            postOneClickUnsubscribe(url).then(
              () => {
                setState('done');
                onStatus({ tone: 'info', text: conversationMessages.unsubscribeSent });
              },
              () => {
                setState('idle');
                onStatus({ tone: 'error', text: conversationMessages.unsubscribeFailed });
              },
            );
          }}
        >
          {conversationMessages.unsubscribeOneClick}
        </Button>
      </span>
    );
  }
  return (
    <Button variant="ghost" onClick={() => setState('confirm')}>
      {conversationMessages.unsubscribe}
    </Button>
  );
}

function Unsubscribe({
  method,
  onStatus,
}: {
  method: UnsubscribeMethod;
  onStatus: (status: Status) => void;
}) {
  if (method.kind === 'one-click') return <OneClickUnsubscribe url={method.url} onStatus={onStatus} />;
  return (
    <a className="conversation-actions__link" href={method.url} target="_blank" rel="noopener noreferrer">
      {conversationMessages.unsubscribe}
    </a>
  );
}

export interface ConversationActionsProps {
  session: Session;
  accountId: Id;
  email: EmailDetail;
  onReply: ReplyHandler | undefined;
}

/** What can be done with one message of the conversation: reply, unsubscribe, view its source. */
export function ConversationActions({ session, accountId, email, onReply }: ConversationActionsProps) {
  const [status, setStatus] = useState<Status>(null);
  const unsubscribe = unsubscribeMethod(email[LIST_UNSUBSCRIBE], email[LIST_UNSUBSCRIBE_POST]);
  const viewSource = () => {
    const url = downloadUrlFor(session, {
      accountId,
      blobId: email.blobId,
      name: `${email.id}.eml`,
      type: 'text/plain',
    });
    openBlobInNewTab(url, 'text/plain;charset=utf-8').catch(() =>
      setStatus({ tone: 'error', text: conversationMessages.viewSourceError }),
    );
  };
  return (
    <div className="conversation-actions">
      {onReply && (
        <>
          <Button variant="secondary" onClick={() => onReply(email.id, 'reply')}>
            {conversationMessages.reply}
          </Button>
          <Button variant="ghost" onClick={() => onReply(email.id, 'reply-all')}>
            {conversationMessages.replyAll}
          </Button>
          <Button variant="ghost" onClick={() => onReply(email.id, 'forward')}>
            {conversationMessages.forward}
          </Button>
        </>
      )}
      {unsubscribe && <Unsubscribe method={unsubscribe} onStatus={setStatus} />}
      <Button variant="ghost" onClick={viewSource}>
        {conversationMessages.viewSource}
      </Button>
      {status && (
        <p className="conversation-actions__status" role={status.tone === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </div>
  );
}
