import { Toast } from '@colibri/ui';
import { TOAST_MS, useToastActions, useToasts } from '../lib/toast-store';

/**
 * Where toasts appear: always in the page, so that screen readers announce each new one
 * (a live region must exist before its content changes).
 */
export function ToastRegion({ label, dismissLabel }: { label: string; dismissLabel: string }) {
  const toasts = useToasts();
  const { toastDismissed } = useToastActions();
  return (
    <section className="toast-region" aria-label={label} aria-live="polite">
      {toasts.map((toast) => (
        <Toast
          key={toast.id}
          message={toast.message}
          tone={toast.tone}
          actionLabel={toast.action?.label}
          onAction={toast.action?.run}
          timeoutMs={toast.action ? TOAST_MS.error : TOAST_MS[toast.tone]}
          dismissLabel={dismissLabel}
          onDismiss={() => toastDismissed(toast.id)}
        />
      ))}
    </section>
  );
}
