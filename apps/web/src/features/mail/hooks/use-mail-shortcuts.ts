import { useEffect, useRef } from 'react';
import { createShortcutMatcher } from '../lib/shortcuts';
import type { MailCommand } from '../lib/shortcuts';

/** Keys typed into a field, an editor or an open dialog belong there, not to the shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (
    target.closest(
      'input, textarea, select, dialog, [role="dialog"], [contenteditable=""], [contenteditable="true"]',
    )
  )
    return true;
  return false;
}

/** Keys that a focused button or link acts on itself. */
function isNativeActivation(event: KeyboardEvent): boolean {
  if (event.key !== 'Enter' && event.key !== ' ') return false;
  return event.target instanceof HTMLElement && event.target.closest('button, a[href], summary') !== null;
}

/**
 * The mail screen's keyboard shortcuts (lib/shortcuts.ts), on the whole document while the
 * screen is shown. `run` may change every render; the listener reads the latest one.
 */
export function useMailShortcuts(run: (command: MailCommand) => void) {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  useEffect(() => {
    const match = createShortcutMatcher();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target) || isNativeActivation(event)) return;
      const command = match(event, event.timeStamp || Date.now());
      if (!command) return;
      event.preventDefault();
      latest.current(command);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
