import { useId } from 'react';
import { REMINDER_PRESETS } from '../lib/reminders';
import type { ReminderChoice } from '../lib/reminders';
import { calendarMessages } from '../messages';

const m = calendarMessages.editor;

/** The editor's reminder: a few presets (RFC 8984 alerts); alerts it cannot show stay as they are. */
export function ReminderField({
  value,
  onChange,
}: {
  value: ReminderChoice;
  onChange: (value: ReminderChoice) => void;
}) {
  const id = useId();
  const choices: readonly ReminderChoice[] =
    value === 'custom' ? [...REMINDER_PRESETS, 'custom'] : REMINDER_PRESETS;
  return (
    <div className="calendar-editor__field">
      <label htmlFor={id}>{m.reminder}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as ReminderChoice)}>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {m.reminders[choice]}
          </option>
        ))}
      </select>
    </div>
  );
}
