import { useEffect } from 'react';
import { Button } from '@colibri/ui';
import { useComposeAccount } from '../api/get-compose-account';
import type { ComposeMailboxes } from '../api/get-compose-account';
import { useCancelSend } from '../hooks/use-cancel-send';
import { formatWhen } from '../lib/format-when';
import { composeMessages } from '../messages';
import { useSendToastActions, useSendToasts } from '../stores/send-toast-store';
import type { SendToast } from '../stores/send-toast-store';

/** How long "Message sent" / "Scheduled for …" / an error stays on screen. */
const NOTICE_MS = 6000;
/** setTimeout fires at once beyond 2^31-1 ms (24.8 days); a longer wait is re-armed on the way. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The toasts of messages handed to the server: "Sending… Undo" until they go. */
export function SendToasts() {
  const toasts = useSendToasts();
  return toasts.length > 0 ? <ToastList toasts={toasts} /> : null;
}

function ToastList({ toasts }: { toasts: SendToast[] }) {
  const { account } = useComposeAccount();
  if (!account) return null;
  const { accountId, mailboxes } = account;
  return (
    <ol className="send-toasts" aria-label={composeMessages.sendingToast}>
      {toasts.map((toast) => (
        <Toast key={toast.submissionId} toast={toast} accountId={accountId} mailboxes={mailboxes} />
      ))}
    </ol>
  );
}

function Toast({
  toast,
  accountId,
  mailboxes,
}: {
  toast: SendToast;
  accountId: string;
  mailboxes: ComposeMailboxes;
}) {
  const { toastChanged, toastDismissed } = useSendToastActions();
  const cancel = useCancelSend(accountId, mailboxes);
  const { submissionId, state, kind, sendAt } = toast;

  useEffect(() => {
    // An undo hold ends at sendAt: the server releases it, so the toast says it is sent.
    if (state === 'pending' && kind === 'undo') {
      const wait = Math.max(0, Date.parse(sendAt) - Date.now());
      const timer = setTimeout(
        () =>
          wait > MAX_TIMER_MS ? toastDismissed(submissionId) : toastChanged(submissionId, { state: 'sent' }),
        Math.min(wait, MAX_TIMER_MS),
      );
      return () => clearTimeout(timer);
    }
    if (state === 'canceling') return;
    const timer = setTimeout(() => toastDismissed(submissionId), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [state, kind, sendAt, submissionId, toastChanged, toastDismissed]);

  const undo = () => {
    toastChanged(submissionId, { state: 'canceling' });
    cancel(submissionId, toast.emailId, true).then(
      () => toastDismissed(submissionId),
      () => toastChanged(submissionId, { state: 'failed', message: composeMessages.cannotUndo }),
    );
  };

  const text =
    state === 'sent'
      ? composeMessages.sentToast
      : state === 'failed'
        ? (toast.message ?? composeMessages.sendError)
        : kind === 'scheduled'
          ? composeMessages.scheduledToast(formatWhen(sendAt, composeMessages.locale))
          : composeMessages.sendingToast;
  return (
    <li className="send-toast" role="status">
      <span>{text}</span>
      {(state === 'pending' || state === 'canceling') && (
        <Button variant="ghost" onClick={undo} disabled={state === 'canceling'}>
          {composeMessages.undo}
        </Button>
      )}
      <button
        type="button"
        className="composer__icon-button"
        aria-label={composeMessages.dismiss}
        onClick={() => toastDismissed(submissionId)}
      >
        ×
      </button>
    </li>
  );
}
