import type { ReactNode } from 'react';
import { Button } from '@colibri/ui';
import type { Id, Session } from '@colibri/jmap-types';
import { BackIcon, MailIcon } from '../../../components/icons';
import { useOptionalComposeLauncher } from '../../../lib/compose-launcher';
import { useReaderAddons } from '../../../lib/reader-addons';
import { mailMessages } from '../messages';
import type { ReplyHandler } from './conversation-actions';
import { ConversationView } from './conversation-view';
import { WarmMailFrame } from './html-body';

export type { ReplyHandler, ReplyMode } from './conversation-actions';

export interface ReaderProps {
  session: Session;
  accountId: Id;
  emailId: Id | undefined;
  onBack: () => void;
  /** Reply, reply all, forward (filled by the composer); without it the buttons are hidden. */
  onReply?: ReplyHandler;
  /** Actions on the open message shown above it (e.g. the Snooze menu). */
  actions?: ReactNode;
}

/** The reading pane: the conversation of the open message, or a hint when none is open. */
export function Reader({ session, accountId, emailId, onBack, onReply, actions }: ReaderProps) {
  const launch = useOptionalComposeLauncher();
  const { ThreadAction } = useReaderAddons();
  // Without a handler of its own, the reader answers through the shell's composer.
  const reply: ReplyHandler | undefined =
    onReply ??
    (launch
      ? (id, mode) => launch({ mode: mode === 'reply-all' ? 'replyAll' : mode, emailId: id })
      : undefined);
  if (!emailId) {
    return (
      <>
        <WarmMailFrame />
        <section className="reader reader--empty" aria-label={mailMessages.readerLabel}>
          <MailIcon width={40} height={40} strokeWidth={1.5} />
          <p>{mailMessages.readerEmpty}</p>
        </section>
      </>
    );
  }
  // The back button is only shown on phones, where the reader replaces the list.
  const back = (
    <>
      <div className="reader__toolbar">
        <Button variant="ghost" onClick={onBack}>
          <BackIcon /> {mailMessages.backToList}
        </Button>
      </div>
      {(actions || ThreadAction) && (
        <div className="reader__actions">
          {actions}
          {ThreadAction && <ThreadAction accountId={accountId} emailId={emailId} />}
        </div>
      )}
    </>
  );
  return (
    <>
      <WarmMailFrame />
      <ConversationView
        key={emailId}
        session={session}
        accountId={accountId}
        emailId={emailId}
        toolbar={back}
        onReply={reply}
      />
    </>
  );
}
