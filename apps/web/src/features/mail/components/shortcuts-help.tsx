import { useEffect, useRef } from 'react';
import { Button } from '@colibri/ui';
import { MAIL_SHORTCUTS, describeKeys } from '../lib/shortcuts';
import { mailMessages } from '../messages';

/**
 * The `?` dialog: every shortcut and what it does, from the same table the keys are matched
 * against. A native modal <dialog>: focus moves in, Tab stays in, Escape closes it.
 */
export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
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
  // Chromium leaves focus on the Close button of a closed dialog when nothing was focused before
  // it opened; the shortcuts then took the next keys (j, Enter) for the dialog's. Focus goes back
  // where it was, else to the page.
  const closed = () => {
    const dialog = ref.current;
    if (dialog?.contains(document.activeElement)) {
      const previous = before.current;
      if (previous instanceof HTMLElement && previous !== document.body && previous.isConnected)
        previous.focus();
      else (document.activeElement as HTMLElement | null)?.blur();
    }
    onClose();
  };
  return (
    <dialog ref={ref} className="shortcuts-help" aria-labelledby="shortcuts-title" onClose={closed}>
      <h2 id="shortcuts-title">{mailMessages.shortcutsTitle}</h2>
      <table className="shortcuts-help__table">
        <tbody>
          {MAIL_SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.keys.join(' ')}>
              <th scope="row">
                {shortcut.keys.map((key, i) => (
                  <span key={i}>
                    {i > 0 && ` ${mailMessages.shortcutThen} `}
                    <kbd>{describeKeys([key])}</kbd>
                  </span>
                ))}
              </th>
              <td>{mailMessages.shortcuts[shortcut.command]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button variant="secondary" onClick={closed}>
        {mailMessages.close}
      </Button>
    </dialog>
  );
}
