/** VALARM (RFC 5545 §3.6.6) -> RFC 8984 §4.5.2 alerts. */
import { formatDuration, formatLocal, parseDuration } from './date-time.js';
import type { ZoneContext } from './ical-time.js';
import type { JCalComponent } from './parse-ical.js';
import { param, prop, subcomponents, textValue } from './parse-ical.js';
import type { Alert } from './types.js';

export function alertsFromIcal(vevent: JCalComponent, zones: ZoneContext): Record<string, Alert> | undefined {
  const alerts: Record<string, Alert> = {};
  subcomponents(vevent, 'valarm').forEach((valarm, i) => {
    const trigger = prop(valarm, 'trigger');
    if (!trigger) return;
    const alert: Alert = { '@type': 'Alert', trigger: { '@type': 'OffsetTrigger', offset: 'PT0S' } };
    const value = textValue(trigger) ?? '';
    const offset = parseDuration(value);
    if (offset !== undefined) {
      const related = (param(trigger, 'related') ?? 'START').toUpperCase();
      alert.trigger = { '@type': 'OffsetTrigger', offset: formatDuration(offset) };
      if (related === 'END') alert.trigger.relativeTo = 'end';
    } else {
      const when = zones.read(value, undefined);
      if (!when || when.zone !== 'Etc/UTC') return;
      alert.trigger = { '@type': 'AbsoluteTrigger', when: `${formatLocal(when.fields)}Z` };
    }
    const action = (textValue(prop(valarm, 'action')) ?? 'DISPLAY').toUpperCase();
    alert.action = action === 'EMAIL' ? 'email' : 'display';
    const acknowledged = zones.readProperty(prop(valarm, 'acknowledged'));
    if (acknowledged?.zone === 'Etc/UTC') alert.acknowledged = `${formatLocal(acknowledged.fields)}Z`;
    const id = textValue(prop(valarm, 'uid'));
    alerts[id && /^[A-Za-z0-9_-]{1,255}$/.test(id) ? id : `a${i + 1}`] = alert;
  });
  return Object.keys(alerts).length ? alerts : undefined;
}
