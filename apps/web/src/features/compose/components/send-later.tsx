import { useId, useState } from 'react';
import { Button } from '@colibri/ui';
import { composeMessages } from '../messages';

/** Send later is limited by the server (RFC 8621 §7 maxDelayedSend, in seconds). */
export interface SendLaterProps {
  maxDelayedSendSeconds: number;
  onSchedule: (when: Date) => void;
  disabled: boolean;
}

/** `datetime-local` wants local time without zone: "2026-11-29T18:30". */
export function toLocalInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "Send later": a date and time, checked against now and the server's limit. */
export function SendLater({ maxDelayedSendSeconds, onSchedule, disabled }: SendLaterProps) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  if (maxDelayedSendSeconds <= 0) return null;
  const schedule = () => {
    const when = new Date(value);
    const ahead = when.getTime() - Date.now();
    if (Number.isNaN(ahead) || ahead <= 0) return setError(composeMessages.sendLaterPast);
    if (ahead > maxDelayedSendSeconds * 1000)
      return setError(composeMessages.sendLaterTooFar(Math.floor(maxDelayedSendSeconds / 86_400)));
    setOpen(false);
    setError(null);
    onSchedule(when);
  };
  return (
    <div className="composer__send-later">
      <Button
        aria-expanded={open}
        disabled={disabled}
        onClick={() => {
          if (!open) setValue(toLocalInputValue(new Date(Date.now() + 60 * 60_000)));
          setOpen(!open);
        }}
      >
        {composeMessages.sendLater}
      </Button>
      {open && (
        <div className="composer__popover" role="group" aria-label={composeMessages.sendLater}>
          <label htmlFor={inputId}>{composeMessages.sendLaterLabel}</label>
          <input
            id={inputId}
            type="datetime-local"
            value={value}
            min={toLocalInputValue(new Date())}
            onChange={(event) => setValue(event.target.value)}
            aria-invalid={error ? true : undefined}
          />
          {error && (
            <p role="alert" className="composer__error">
              {error}
            </p>
          )}
          <Button variant="primary" onClick={schedule}>
            {composeMessages.schedule}
          </Button>
        </div>
      )}
    </div>
  );
}
