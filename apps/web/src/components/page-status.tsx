import type { ReactNode } from 'react';

/** A centred status line for a whole page or pane: loading, empty or failed. */
export function PageStatus({
  children,
  tone = 'neutral',
  action,
}: {
  children: ReactNode;
  tone?: 'neutral' | 'error';
  action?: ReactNode;
}) {
  return (
    <div className={`page-status page-status--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <p>{children}</p>
      {action}
    </div>
  );
}
