import { useId } from 'react';
import type { ComponentPropsWithRef, ReactNode } from 'react';
import { classNames } from '../internal/class-names';
import './text-field.css';

export interface TextFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'children'> {
  /** The visible label, associated with the input (`<label for>`). */
  label: ReactNode;
  /** A hint shown under the label and linked to the input with `aria-describedby`. */
  hint?: ReactNode;
  /**
   * The error to show. When set, the input is `aria-invalid` and described by the message, and the
   * message is a live `role="alert"` so that it is announced when it appears.
   */
  error?: ReactNode;
}

/**
 * A labelled text input. Input props (`name`, `type`, `value`, `onChange`, `required`, `ref`, ...)
 * go to the `<input>`; `className` and `style` go to the field's wrapper, for layout.
 * The input gets a generated `id` unless one is given.
 */
export function TextField({
  label,
  hint,
  error,
  id,
  className,
  style,
  'aria-describedby': describedBy,
  ...inputProps
}: TextFieldProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const hasError = error != null && error !== false && error !== '';
  const describedByIds = [describedBy, hint != null ? hintId : undefined, hasError ? errorId : undefined]
    .filter(Boolean)
    .join(' ');

  return (
    <div
      className={classNames('cb-text-field', hasError && 'cb-text-field--invalid', className)}
      style={style}
    >
      <label className="cb-text-field__label" htmlFor={inputId}>
        {label}
      </label>
      {hint != null && (
        <p id={hintId} className="cb-text-field__hint">
          {hint}
        </p>
      )}
      <input
        id={inputId}
        className="cb-text-field__input"
        aria-invalid={hasError || undefined}
        aria-describedby={describedByIds || undefined}
        {...inputProps}
      />
      {hasError && (
        <p id={errorId} className="cb-text-field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
