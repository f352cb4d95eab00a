/** A planned message as iCalendar text (for iMIP) and as a parsed message (for internal delivery). */
import { buildItip } from '../itip-build.js';
import type { ItipMessage } from '../itip-parse.js';
import { parseItip } from '../itip-parse.js';
import type { Result } from '../types.js';
import { ok } from '../types.js';
import type { PlannedMessage } from './types.js';

/**
 * Builds the iTIP text of `planned` at `now` (its DTSTAMP) and reads it back, so that internal
 * recipients get exactly what an external one would parse (`applyIncoming(copy, itip, sender)`).
 */
export function renderPlanned(
  planned: PlannedMessage,
  now: string,
): Result<{ ics: string; itip: ItipMessage }> {
  const ics = buildItip(planned.method, planned.event, { ...planned.options, now });
  if (!ics.ok) return ics;
  const itip = parseItip(ics.value);
  if (!itip.ok) return itip;
  return ok({ ics: ics.value, itip: itip.value });
}
