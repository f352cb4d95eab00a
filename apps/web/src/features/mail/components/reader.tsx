import { Button } from '@colibri/ui';
import type { Id, Session } from '@colibri/jmap-types';
import { BackIcon, MailIcon } from '../../../components/icons';
import { mailMessages } from '../messages';
import type { ReplyHandler } from './conversation-actions';
import { ConversationView } from './conversation-view';

export type { ReplyHandler, ReplyMode } from './conversation-actions';

export interface ReaderProps {
  session: Session;
  accountId: Id;
  emailId: Id | undefined;
  onBack: () => void;
  /** Reply, reply all, forward (filled by the composer); without it the buttons are hidden. */
  onReply?: ReplyHandler;
}

/** The reading pane: the conversation of the open message, or a hint when none is open. */
export function Reader({ session, accountId, emailId, onBack, onReply }: ReaderProps) {
  if (!emailId) {
    return (
      <section className="reader reader--empty" aria-label={mailMessages.readerLabel}>
        <MailIcon width={40} height={40} strokeWidth={1.5} />
        <p>{mailMessages.readerEmpty}</p>
      </section>
    );
  }
  // Only shown on phones, where the reader replaces the list.
  const back = (
    <div className="reader__toolbar">
      <Button variant="ghost" onClick={onBack}>
        <BackIcon /> {mailMessages.backToList}
      </Button>
    </div>
  );
  return (
    <ConversationView
      key={emailId}
      session={session}
      accountId={accountId}
      emailId={emailId}
      toolbar={back}
      onReply={onReply}
    />
  );
}
