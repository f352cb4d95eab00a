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
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="shortcuts-help" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">{mailMessages.shortcutsTitle}</h2>
      <table className="shortcuts-help__table">
        <tbody>
          {MAIL_SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.keys.join(' ')}>
              <th scope="row">
                {shortcut.keys.map((key, i) => (
                  <span key={i}>
                    {i > 0 && ' then '}
                    <kbd>{describeKeys([key])}</kbd>
                  </span>
                ))}
              </th>
              <td>{mailMessages.shortcuts[shortcut.command]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button variant="secondary" onClick={onClose}>
        {mailMessages.close}
      </Button>
    </dialog>
  );
}
