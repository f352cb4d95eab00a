import { useEffect, useRef } from 'react';

export type CalendarCommand = 'today' | 'next' | 'previous' | 'create' | 'month' | 'week' | 'day' | 'agenda';

/** Google Calendar's keys: t today, n/j next, p/k previous, c create, m w d a for the views. */
export const CALENDAR_KEYS: Readonly<Record<string, CalendarCommand>> = {
  t: 'today',
  n: 'next',
  j: 'next',
  p: 'previous',
  k: 'previous',
  c: 'create',
  m: 'month',
  w: 'week',
  d: 'day',
  a: 'agenda',
};

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable || target.closest('input, textarea, select, dialog, [role="dialog"]') !== null
  );
}

/** The calendar screen's single-key shortcuts, on the document while the screen is shown. */
export function useCalendarShortcuts(run: (command: CalendarCommand) => void) {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target))
        return;
      const command = CALENDAR_KEYS[event.key];
      if (!command) return;
      event.preventDefault();
      latest.current(command);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
