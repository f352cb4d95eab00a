import { memo } from 'react';
import { Keyword } from '@colibri/jmap-types';
import { FlagIcon, PaperclipIcon } from '../../../components/icons';
import type { EmailListItem } from '../lib/email-window';
import { formatFullDate, formatListDate, formatWakeTime, senderName } from '../lib/format';
import { mailMessages } from '../messages';

/**
 * The content of one message row: sender, date, subject and preview, with status icons. Memoised:
 * the list re-renders its rows on every scroll frame, a row's email object changes only with it.
 */
export const MessageListItem = memo(function MessageListItem({ email }: { email: EmailListItem }) {
  const unread = !email.keywords[Keyword.Seen];
  const flagged = Boolean(email.keywords[Keyword.Flagged]);
  return (
    <div className="message-row" data-unread={unread || undefined}>
      <div className="message-row__line">
        <span className="message-row__from" dir="auto">
          {unread && <span className="visually-hidden">{mailMessages.unread}, </span>}
          {senderName(email.from, mailMessages.unknownSender)}
        </span>
        <span className="message-row__icons">
          {email.hasAttachment && (
            <PaperclipIcon role="img" aria-hidden={false} aria-label={mailMessages.hasAttachment} />
          )}
          {flagged && (
            <FlagIcon
              className="message-row__flag"
              role="img"
              aria-hidden={false}
              aria-label={mailMessages.flagged}
            />
          )}
        </span>
        {email.snoozed ? (
          // In the Snoozed mailbox: when it comes back, rather than when it came.
          <time
            className="message-row__date"
            data-snoozed
            dateTime={email.snoozed.until}
            title={mailMessages.snoozedUntil(formatFullDate(email.snoozed.until, mailMessages.locale))}
          >
            <span className="visually-hidden">{mailMessages.snoozedUntilLabel} </span>
            {formatWakeTime(email.snoozed.until, mailMessages.locale)}
          </time>
        ) : (
          <time
            className="message-row__date"
            dateTime={email.receivedAt}
            title={formatFullDate(email.receivedAt, mailMessages.locale)}
          >
            {formatListDate(email.receivedAt, mailMessages.locale)}
          </time>
        )}
      </div>
      {/* dir="auto": a right-to-left subject keeps its start visible when cut, in any layout. */}
      <div className="message-row__subject" dir="auto">
        {email.subject?.trim() || mailMessages.noSubject}
      </div>
      <div className="message-row__preview" dir="auto">
        {email.preview}
      </div>
    </div>
  );
});
