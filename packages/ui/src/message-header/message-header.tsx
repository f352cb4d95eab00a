import type { ReactNode } from 'react';
import type { EmailAddress } from '@colibri/jmap-types';
import { Avatar } from '../avatar/avatar';
import { classNames } from '../internal/class-names';
import { formatMessageDate } from './format-date';
import '../internal/visually-hidden.css';
import './message-header.css';

export interface MessageHeaderLabels {
  from: string;
  to: string;
  cc: string;
}

export interface MessageHeaderProps {
  /** The From addresses (RFC 8621 §4.1.2.3); the first one gets the avatar. */
  from: readonly EmailAddress[] | null;
  to?: readonly EmailAddress[] | null;
  cc?: readonly EmailAddress[] | null;
  /** Shown as the heading; pass the "(no subject)" text yourself when it is empty. */
  subject: string;
  /** ISO 8601 date-time (Email `sentAt` or `receivedAt`); formatted with Intl, kept in `<time dateTime>`. */
  date: string;
  /** Locale and time zone for the date; the browser's by default. */
  locale?: string | readonly string[];
  timeZone?: string;
  /** Level of the subject heading, 2 by default. */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
  /** Field labels, for translation. "From" is read by screen readers only. */
  labels?: Partial<MessageHeaderLabels>;
  className?: string;
}

const defaultLabels: MessageHeaderLabels = { from: 'From', to: 'To', cc: 'Cc' };

/** The top of an open message: subject, sender with avatar, recipients and date. */
export function MessageHeader({
  from,
  to,
  cc,
  subject,
  date,
  locale,
  timeZone,
  headingLevel = 2,
  labels,
  className,
}: MessageHeaderProps) {
  const text = { ...defaultLabels, ...labels };
  const Heading = `h${headingLevel}` as const;
  const sender = from?.[0];
  const formatted = formatMessageDate(date, { locale, timeZone });

  return (
    <header className={classNames('cb-message-header', className)}>
      <Heading className="cb-message-header__subject">{subject}</Heading>
      <div className="cb-message-header__meta">
        {sender && <Avatar name={sender.name ?? ''} email={sender.email} decorative />}
        <dl className="cb-message-header__people">
          <Field label={text.from} hiddenLabel className="cb-message-header__from">
            {(from ?? []).map((address, i) => (
              <Sender key={`${address.email}-${i}`} address={address} separator={i > 0} />
            ))}
          </Field>
          {to && to.length > 0 && <Field label={text.to}>{recipientList(to)}</Field>}
          {cc && cc.length > 0 && <Field label={text.cc}>{recipientList(cc)}</Field>}
        </dl>
        <time className="cb-message-header__date" dateTime={date} title={formatted?.full}>
          {formatted?.short ?? date}
        </time>
      </div>
    </header>
  );
}

function Field({
  label,
  hiddenLabel = false,
  className,
  children,
}: {
  label: string;
  hiddenLabel?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={classNames('cb-message-header__field', className)}>
      <dt className={hiddenLabel ? 'cb-visually-hidden' : 'cb-message-header__label'}>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Sender({ address, separator }: { address: EmailAddress; separator: boolean }) {
  return (
    <>
      {separator && ', '}
      {address.name && <span className="cb-message-header__name">{address.name}</span>}
      {address.name && ' '}
      <span className="cb-message-header__address">
        {address.name ? `<${address.email}>` : address.email}
      </span>
    </>
  );
}

/** Names where known (the address as a tooltip), else addresses. */
function recipientList(addresses: readonly EmailAddress[]) {
  return addresses.map((address, i) => (
    <span key={`${address.email}-${i}`}>
      {i > 0 && ', '}
      <span className="cb-message-header__recipient" title={address.name ? address.email : undefined}>
        {address.name || address.email}
      </span>
    </span>
  ));
}
