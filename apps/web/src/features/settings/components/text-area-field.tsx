import { useId } from 'react';
import type { ComponentPropsWithoutRef } from 'react';

export interface TextAreaFieldProps extends Omit<ComponentPropsWithoutRef<'textarea'>, 'id'> {
  label: string;
  hint?: string;
  /** Shown under the field as an alert, and marks it invalid. */
  error?: string | null;
}

/** A labelled multi-line field with an optional hint and error, linked for screen readers. */
export function TextAreaField({ label, hint, error, ...props }: TextAreaFieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <>
      <label className="settings-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="settings-hint">
          {hint}
        </p>
      )}
      <textarea
        id={id}
        className="settings-textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...props}
      />
      {error && (
        <p id={`${id}-error`} className="settings-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
