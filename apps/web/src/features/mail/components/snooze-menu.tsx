import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from '@colibri/ui';
import { formatWakeTime } from '../lib/format';
import { localTimeZone, parseLocalDateTime, snoozePresets, toLocalDateTime } from '../lib/snooze-presets';
import { mailMessages } from '../messages';
import './snooze-menu.css';

/** The server's limit (Session `maxSnoozeSeconds`) when it does not say: a year. */
const DEFAULT_MAX_SNOOZE_SECONDS = 366 * 24 * 3600;

export interface SnoozeMenuProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSnooze: (until: Date) => void;
  /** The clock and zone the presets are computed in (tests pin them). */
  now?: () => Date;
  timeZone?: string;
  /** How far ahead the server accepts a snooze (its account capability). */
  maxSnoozeSeconds?: number;
}

/**
 * The Snooze button and its popover: Gmail's presets (later today, tomorrow morning, this
 * weekend, next week) and a native date-and-time field. Opened by the button or by `b` (the
 * `open` prop); Escape or a click outside closes it and gives focus back to the button.
 */
export function SnoozeMenu({
  open,
  onOpenChange,
  onSnooze,
  now = () => new Date(),
  timeZone = localTimeZone(),
  maxSnoozeSeconds = DEFAULT_MAX_SNOOZE_SECONDS,
}: SnoozeMenuProps) {
  const button = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const fieldId = useId();
  const [picked, setPicked] = useState('');
  const [error, setError] = useState<string | null>(null);

  // The parent's callback may change every render; the listener reads the latest one.
  const openChange = useRef(onOpenChange);
  useEffect(() => {
    openChange.current = onOpenChange;
  });
  useEffect(() => {
    if (!open) return undefined;
    setPicked('');
    setError(null);
    popover.current?.querySelector('button')?.focus();
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!popover.current?.contains(target) && !button.current?.contains(target)) openChange.current(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const close = () => {
    onOpenChange(false);
    button.current?.focus();
  };
  const current = now();
  const presets = open ? snoozePresets(current, timeZone) : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const until = parseLocalDateTime(picked, timeZone);
    if (until === null || until.getTime() <= now().getTime()) return setError(mailMessages.snoozeInPast);
    if (until.getTime() > now().getTime() + maxSnoozeSeconds * 1000)
      return setError(mailMessages.snoozeTooFar);
    return onSnooze(until);
  };

  return (
    <div className="snooze-menu">
      <Button
        ref={button}
        variant="ghost"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => onOpenChange(!open)}
      >
        {mailMessages.snooze}
      </Button>
      {open && (
        <div
          ref={popover}
          className="snooze-menu__popover"
          role="dialog"
          aria-label={mailMessages.snoozeMenuLabel}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.stopPropagation();
            close();
          }}
        >
          <ul className="snooze-menu__presets">
            {presets.map((preset) => (
              <li key={preset.id}>
                <button type="button" className="snooze-menu__preset" onClick={() => onSnooze(preset.until)}>
                  <span>{mailMessages.snoozePresets[preset.id]}</span>
                  <time className="snooze-menu__when" dateTime={preset.until.toISOString()}>
                    {formatWakeTime(preset.until.toISOString(), mailMessages.locale, current)}
                  </time>
                </button>
              </li>
            ))}
          </ul>
          <form className="snooze-menu__pick" onSubmit={submit} noValidate>
            <label htmlFor={fieldId}>{mailMessages.snoozePick}</label>
            <input
              id={fieldId}
              type="datetime-local"
              value={picked}
              min={toLocalDateTime(current, timeZone)}
              step={1}
              aria-invalid={error !== null || undefined}
              onChange={(event) => {
                setPicked(event.target.value);
                setError(null);
              }}
            />
            {error && (
              <p className="snooze-menu__error" role="alert">
                {error}
              </p>
            )}
            <Button type="submit" variant="primary" disabled={picked === ''}>
              {mailMessages.snoozeConfirm}
            </Button>
          </form>
        </div>
      )}
    </div>
  );
}
