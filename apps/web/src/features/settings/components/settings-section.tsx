import { useId } from 'react';
import type { ReactNode } from 'react';

/** One titled section of the settings page, named by its heading for screen readers. */
export function SettingsSection({
  heading,
  intro,
  children,
}: {
  heading: string;
  intro?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="settings-section" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {intro && <p className="settings-hint">{intro}</p>}
      {children}
    </section>
  );
}

/** Loading and error states of a section whose data comes from the server. */
export function SectionStatus({
  error,
  onRetry,
  loading,
  retryLabel,
}: {
  error: string | null;
  loading: string;
  retryLabel: string;
  onRetry: () => void;
}) {
  if (!error) return <p role="status">{loading}</p>;
  return (
    <div role="alert" className="settings-error">
      <p>{error}</p>
      <button type="button" className="settings-link-button" onClick={onRetry}>
        {retryLabel}
      </button>
    </div>
  );
}
