/**
 * Applying a received iTIP message (RFC 5546 §3.2) to the recipient's copy of the event. Pure:
 * the current copy, the parsed message and the authenticated sender in; the new copy (or what to
 * answer, or what to show) out. Authenticity: organizer methods must come from the organizer,
 * attendee methods from the attendee they speak for (the caller checks DKIM/DMARC of the address).
 */
import type { ItipItem, ItipMessage } from '../itip-parse.js';
import type { ApplyContext } from './apply-context.js';
import { speaksFor } from './apply-context.js';
import type { JSCalendarEvent } from '../types.js';
import { applyAttendeeMessage } from './apply-from-attendee.js';
import { applyOrganizerMessage } from './apply-from-organizer.js';
import { emailOf, organizerOf, sameAddress, withinLimits } from './event-parts.js';
import type { IncomingOutcome, SchedulingLimits, SchedulingResult } from './types.js';
import { SCHEDULING_LIMITS, refuse } from './types.js';

export interface ApplyOptions {
  /**
   * The recipient's address. On an attendee's copy, an update with an unchanged SEQUENCE keeps the
   * recipient's own answer (their REPLY may not have reached the organizer yet).
   */
  recipient?: string;
  limits?: Partial<SchedulingLimits>;
}

function checkOrganizer(ctx: ApplyContext, item: ItipItem): SchedulingResult<never> | undefined {
  const claimed = item.organizer!;
  const known = ctx.current ? organizerOf(ctx.current) : undefined;
  if (known && !sameAddress(known, claimed))
    return refuse('forbidden', `the message names organizer ${emailOf(claimed)}, the event's is ${known}`);
  if (!speaksFor(ctx.current, claimed, ctx.sender))
    return refuse(
      'forbidden',
      `${ctx.message.method.toUpperCase()} from ${emailOf(ctx.sender)}, who is not the organizer ${emailOf(claimed)}`,
    );
  return undefined;
}

/**
 * Applies one iTIP message (from `parseItip` or `extractItip`) sent by `sender` to `current`, the
 * recipient's copy of that UID (undefined when they hold none). Never throws; refusals are error
 * values: a message not from the organizer (REQUEST, ADD, CANCEL, DECLINECOUNTER) or not from the
 * attendee it speaks for (REPLY, REFRESH, COUNTER) is `forbidden`.
 */
export function applyIncoming(
  current: JSCalendarEvent | undefined,
  message: ItipMessage,
  sender: string,
  options: ApplyOptions = {},
): SchedulingResult<IncomingOutcome> {
  const limits = { ...SCHEDULING_LIMITS, ...options.limits };
  if (current && current.uid !== message.uid)
    return refuse('bad-value', `the message is about UID ${message.uid.slice(0, 80)}, not this event`);
  const ctx: ApplyContext = { current, message, sender, recipient: options.recipient };
  let result: SchedulingResult<IncomingOutcome>;
  switch (message.method) {
    case 'request':
    case 'add':
    case 'cancel':
    case 'declinecounter': {
      for (const item of message.items) {
        const refused = checkOrganizer(ctx, item);
        if (refused) return refused;
      }
      result = applyOrganizerMessage(ctx);
      break;
    }
    case 'reply':
    case 'refresh':
    case 'counter':
      result = applyAttendeeMessage(ctx);
      break;
    case 'publish':
      return refuse('bad-method', 'PUBLISH is not a scheduling message: import it instead');
    default: {
      const never: never = message.method;
      return refuse('bad-method', `unknown iTIP method ${String(never)}`);
    }
  }
  if (result.ok && result.value.action === 'update') {
    const checked = withinLimits(result.value.event, limits);
    if (!checked.ok) return checked;
  }
  return result;
}
