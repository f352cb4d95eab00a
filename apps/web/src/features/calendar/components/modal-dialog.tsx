import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';

/**
 * A native modal <dialog> (focus moves in, Tab stays in, Escape closes it) that gives focus back
 * to what had it before it opened: the event in the grid, the button that opened it.
 */
export function ModalDialog({
  open,
  onClose,
  labelledBy,
  label,
  className,
  children,
}: {
  open: boolean;
  onClose: () => void;
  labelledBy?: string;
  label?: string;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const before = useRef<Element | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      before.current = document.activeElement;
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  useEffect(
    () => () => {
      const previous = before.current;
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    },
    [],
  );
  const closed = () => {
    const previous = before.current;
    if (previous instanceof HTMLElement && previous !== document.body && previous.isConnected)
      previous.focus();
    onClose();
  };
  return (
    <dialog
      ref={ref}
      className={className}
      aria-labelledby={labelledBy}
      aria-label={label}
      onClose={closed}
      onCancel={(event) => {
        event.preventDefault();
        closed();
      }}
    >
      {open ? children : null}
    </dialog>
  );
}
