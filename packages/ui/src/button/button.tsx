import type { ComponentPropsWithRef } from 'react';
import { classNames } from '../internal/class-names';
import './button.css';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost';

export interface ButtonProps extends ComponentPropsWithRef<'button'> {
  /** `primary` for the one main action of a view, `secondary` (default) otherwise, `ghost` in toolbars. */
  variant?: ButtonVariant;
}

/**
 * A native `<button>` with the house look. Every button prop passes through (including `ref`,
 * `disabled`, `aria-*`). `type` defaults to `"button"` so that a button inside a form only submits
 * it when asked to (`type="submit"`). `aria-busy` shows a progress cursor.
 */
export function Button({ variant = 'secondary', type = 'button', className, ...props }: ButtonProps) {
  return (
    <button type={type} className={classNames('cb-button', `cb-button--${variant}`, className)} {...props} />
  );
}
