import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { Button, MessageHeader } from '@colibri/ui';
import { Keyword } from '@colibri/jmap-types';
import type { Id, Session } from '@colibri/jmap-types';
import { BackIcon, MailIcon } from '../../../components/icons';
import { PageStatus } from '../../../components/page-status';
import { useEmail } from '../api/get-email';
import type { EmailDetail } from '../api/get-email';
import { useMarkSeen } from '../api/mark-seen';
import { mailMessages } from '../messages';
import { AttachmentList } from './attachment-list';
import { EmailBody } from './email-body';

export interface ReaderProps {
  session: Session;
  accountId: Id;
  emailId: Id | undefined;
  onBack: () => void;
}

/** The reading pane: the open message's header, attachments and body. */
export function Reader({ session, accountId, emailId, onBack }: ReaderProps) {
  if (!emailId) {
    return (
      <section className="reader reader--empty" aria-label={mailMessages.readerLabel}>
        <MailIcon width={40} height={40} strokeWidth={1.5} />
        <p>{mailMessages.readerEmpty}</p>
      </section>
    );
  }
  return (
    <OpenEmail key={emailId} session={session} accountId={accountId} emailId={emailId} onBack={onBack} />
  );
}

function OpenEmail({ session, accountId, emailId, onBack }: ReaderProps & { emailId: Id }) {
  const email = useEmail(accountId, emailId);
  const { mutate: markSeen } = useMarkSeen(accountId);
  const unseen = email.data ? !email.data.keywords[Keyword.Seen] : false;

  // Opening a message reads it (RFC 8621 §4.1.1 $seen), once per message.
  useEffect(() => {
    if (unseen) markSeen(emailId);
  }, [unseen, emailId, markSeen]);

  // Only shown on phones, where the reader replaces the list.
  const back = (
    <div className="reader__toolbar">
      <Button variant="ghost" onClick={onBack}>
        <BackIcon /> {mailMessages.backToList}
      </Button>
    </div>
  );

  if (email.isPending) {
    return (
      <section className="reader" aria-label={mailMessages.readerLabel} aria-busy="true">
        {back}
        <PageStatus>{mailMessages.readerLoading}</PageStatus>
      </section>
    );
  }
  if (email.isError || email.data === null) {
    return (
      <section className="reader" aria-label={mailMessages.readerLabel}>
        {back}
        <PageStatus tone="error">
          {email.isError ? mailMessages.readerError : mailMessages.readerNotFound}
        </PageStatus>
      </section>
    );
  }
  return <EmailView session={session} accountId={accountId} email={email.data} back={back} />;
}

function EmailView({
  session,
  accountId,
  email,
  back,
}: {
  session: Session;
  accountId: Id;
  email: EmailDetail;
  back: ReactNode;
}) {
  return (
    <article className="reader" aria-label={mailMessages.readerLabel}>
      {back}
      <MessageHeader
        from={email.from ?? []}
        to={email.to ?? []}
        cc={email.cc ?? []}
        subject={email.subject?.trim() || mailMessages.noSubject}
        date={email.sentAt ?? email.receivedAt}
        locale={mailMessages.locale}
        labels={mailMessages.headerLabels}
      />
      <div className="reader__content">
        <AttachmentList session={session} accountId={accountId} attachments={email.attachments} />
        <div className="reader__body">
          <EmailBody email={email} />
        </div>
      </div>
    </article>
  );
}
