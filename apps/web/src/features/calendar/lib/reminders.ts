import type { Id, JSCalendarAlert } from '@colibri/jmap-types';

/** The reminder presets of the editor: before the start by this RFC 8984 §1.4.6 Duration. */
export const REMINDER_PRESETS = ['none', 'PT0S', 'PT5M', 'PT15M', 'PT30M', 'PT1H', 'P1D'] as const;
export type ReminderPreset = (typeof REMINDER_PRESETS)[number];
/** `custom`: alerts this editor cannot show (several, absolute, after the start…); kept as they are. */
export type ReminderChoice = ReminderPreset | 'custom';

const ALERT_ID = 'reminder';

/**
 * The preset that the event's alerts are (RFC 8984 §4.5.2): none, or one display alert with an
 * OffsetTrigger before the start; anything else is `custom`.
 */
export function reminderOfAlerts(alerts: Record<Id, JSCalendarAlert> | null | undefined): ReminderChoice {
  const list = Object.values(alerts ?? {});
  if (list.length === 0) return 'none';
  const [alert] = list;
  if (list.length > 1 || !alert || (alert.action ?? 'display') !== 'display') return 'custom';
  const trigger = alert.trigger;
  if (trigger['@type'] !== 'OffsetTrigger' || (trigger.relativeTo ?? 'start') !== 'start') return 'custom';
  const before = trigger.offset.startsWith('-') ? trigger.offset.slice(1) : trigger.offset;
  if (trigger.offset !== 'PT0S' && !trigger.offset.startsWith('-')) return 'custom';
  return (REMINDER_PRESETS as readonly string[]).includes(before) && before !== 'none'
    ? (before as ReminderPreset)
    : 'custom';
}

/**
 * The `alerts` of a preset: null for none, one display alert before the start otherwise
 * (RFC 8984 §4.5.2 OffsetTrigger, a negative SignedDuration is before); undefined for `custom`
 * (the event's alerts are left alone).
 */
export function alertsOfReminder(choice: ReminderChoice): Record<Id, JSCalendarAlert> | null | undefined {
  if (choice === 'custom') return undefined;
  if (choice === 'none') return null;
  return {
    [ALERT_ID]: {
      '@type': 'Alert',
      trigger: {
        '@type': 'OffsetTrigger',
        offset: choice === 'PT0S' ? 'PT0S' : `-${choice}`,
        relativeTo: 'start',
      },
      action: 'display',
    },
  };
}
