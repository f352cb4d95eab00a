import { useState } from 'react';
import { Button } from '@colibri/ui';
import { useComposeAccount } from '../api/get-compose-account';
import type { ComposeMailboxes } from '../api/get-compose-account';
import { usePendingSends } from '../api/pending-sends';
import type { PendingSend } from '../api/pending-sends';
import { useCancelSend } from '../hooks/use-cancel-send';
import { formatWhen } from '../lib/format-when';
import { composeMessages } from '../messages';

/** "Scheduled": the messages waiting to be sent, each cancellable or editable until it goes. */
export function ScheduledSends() {
  const [open, setOpen] = useState(false);
  return (
    <div className="scheduled-sends">
      <Button variant="ghost" aria-expanded={open} onClick={() => setOpen(!open)}>
        {composeMessages.scheduled}
      </Button>
      {open && <ScheduledPanel onClose={() => setOpen(false)} />}
    </div>
  );
}

function ScheduledPanel({ onClose }: { onClose: () => void }) {
  const { account, error } = useComposeAccount();
  if (!account) return error ? <p role="alert">{composeMessages.scheduledError}</p> : null;
  return <ScheduledList accountId={account.accountId} mailboxes={account.mailboxes} onClose={onClose} />;
}

function ScheduledList({
  accountId,
  mailboxes,
  onClose,
}: {
  accountId: string;
  mailboxes: ComposeMailboxes;
  onClose: () => void;
}) {
  const pending = usePendingSends(accountId, true);
  return (
    <section
      className="scheduled-sends__panel"
      aria-label={composeMessages.scheduledHeading}
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <header className="scheduled-sends__header">
        <h2>{composeMessages.scheduledHeading}</h2>
        <button
          type="button"
          className="composer__icon-button"
          aria-label={composeMessages.closeList}
          onClick={onClose}
        >
          ×
        </button>
      </header>
      {pending.isPending && <p role="status">{composeMessages.loading}</p>}
      {pending.isError && <p role="alert">{composeMessages.scheduledError}</p>}
      {pending.data?.length === 0 && <p>{composeMessages.scheduledEmpty}</p>}
      {pending.data && pending.data.length > 0 && (
        <ul className="scheduled-sends__list">
          {pending.data.map((send) => (
            <ScheduledItem key={send.submissionId} send={send} accountId={accountId} mailboxes={mailboxes} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ScheduledItem({
  send,
  accountId,
  mailboxes,
}: {
  send: PendingSend;
  accountId: string;
  mailboxes: ComposeMailboxes;
}) {
  const cancel = useCancelSend(accountId, mailboxes);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const subject = send.subject || composeMessages.noSubject;
  const run = (reopen: boolean) => {
    setBusy(true);
    cancel(send.submissionId, send.emailId, reopen).catch(() => {
      setBusy(false);
      setError(composeMessages.cannotUndo);
    });
  };
  return (
    <li className="scheduled-sends__item" aria-label={subject}>
      <span className="scheduled-sends__subject">{subject}</span>
      <span className="scheduled-sends__to">{send.to.map((a) => a.name || a.email).join(', ')}</span>
      <time dateTime={send.sendAt}>
        {composeMessages.scheduledFor(formatWhen(send.sendAt, composeMessages.locale))}
      </time>
      <span className="scheduled-sends__actions">
        <Button variant="ghost" disabled={busy} onClick={() => run(true)}>
          {composeMessages.scheduledEdit}
        </Button>
        <Button variant="ghost" disabled={busy} onClick={() => run(false)}>
          {composeMessages.scheduledCancel}
        </Button>
      </span>
      {error && (
        <span role="alert" className="composer__error">
          {error}
        </span>
      )}
    </li>
  );
}
