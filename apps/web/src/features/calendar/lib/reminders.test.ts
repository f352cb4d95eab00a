import { describe, expect, it } from 'vitest';
import { alertsOfReminder, reminderOfAlerts } from './reminders';

describe('reminders as JSCalendar alerts (RFC 8984 §4.5.2)', () => {
  it('writes a preset as one display alert with an offset before the start', () => {
    expect(alertsOfReminder('PT15M')).toEqual({
      reminder: {
        '@type': 'Alert',
        trigger: { '@type': 'OffsetTrigger', offset: '-PT15M', relativeTo: 'start' },
        action: 'display',
      },
    });
    expect(alertsOfReminder('PT0S')?.reminder?.trigger).toMatchObject({ offset: 'PT0S' });
    expect(alertsOfReminder('none')).toBeNull();
    expect(alertsOfReminder('custom')).toBeUndefined();
  });

  it('reads back the presets, and anything else as custom (kept as it is)', () => {
    expect(reminderOfAlerts(null)).toBe('none');
    expect(reminderOfAlerts(alertsOfReminder('P1D'))).toBe('P1D');
    expect(reminderOfAlerts(alertsOfReminder('PT0S'))).toBe('PT0S');
    // From another client: no action and no relativeTo are the defaults (display, start).
    expect(reminderOfAlerts({ a: { trigger: { '@type': 'OffsetTrigger', offset: '-PT1H' } } })).toBe('PT1H');
    expect(reminderOfAlerts({ a: { trigger: { '@type': 'OffsetTrigger', offset: '-PT10M' } } })).toBe(
      'custom',
    );
    expect(
      reminderOfAlerts({ a: { trigger: { '@type': 'AbsoluteTrigger', when: '2026-12-01T08:00:00Z' } } }),
    ).toBe('custom');
    expect(
      reminderOfAlerts({ a: { trigger: { '@type': 'OffsetTrigger', offset: '-PT5M' }, action: 'email' } }),
    ).toBe('custom');
    expect(reminderOfAlerts({ ...alertsOfReminder('PT5M'), b: alertsOfReminder('PT1H')!.reminder! })).toBe(
      'custom',
    );
  });
});
