import { useEffect } from 'react';
import { classNames } from '../internal/class-names';
import './toast.css';

export interface ToastProps {
  message: string;
  /** `error` is announced assertively (role="alert") and drawn in the danger colour. */
  tone?: 'info' | 'error';
  /** One action, such as "Undo"; running it also dismisses the toast. */
  actionLabel?: string;
  onAction?: () => void;
  onDismiss: () => void;
  /** Milliseconds before it dismisses itself; none keeps it until dismissed. */
  timeoutMs?: number;
  dismissLabel?: string;
}

/**
 * A short notice about something that just happened, with an optional action (Undo). Place it
 * in an always-present container with `aria-live="polite"` so screen readers hear new ones.
 */
export function Toast({
  message,
  tone = 'info',
  actionLabel,
  onAction,
  onDismiss,
  timeoutMs,
  dismissLabel = 'Dismiss',
}: ToastProps) {
  useEffect(() => {
    if (timeoutMs === undefined) return undefined;
    const timer = setTimeout(onDismiss, timeoutMs);
    return () => clearTimeout(timer);
  }, [timeoutMs, onDismiss]);
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={classNames('cb-toast', `cb-toast--${tone}`)}>
      <span className="cb-toast__message">{message}</span>
      {actionLabel && onAction && (
        <button
          type="button"
          className="cb-toast__action"
          onClick={() => {
            onAction();
            onDismiss();
          }}
        >
          {actionLabel}
        </button>
      )}
      <button type="button" className="cb-toast__dismiss" aria-label={dismissLabel} onClick={onDismiss}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
