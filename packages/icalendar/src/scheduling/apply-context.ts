/** What the handlers of incoming messages share: the inputs, and who may speak for whom. */
import type { ItipItem, ItipMessage } from '../itip-parse.js';
import type { JSCalendarEvent, LocalDateTime } from '../types.js';
import { findParticipant, moveLocal, sameAddress } from './event-parts.js';

export interface ApplyContext {
  current: JSCalendarEvent | undefined;
  message: ItipMessage;
  sender: string;
  recipient: string | undefined;
}

/** May `sender` speak for `address`? Itself, or the SENT-BY the recipient's own copy already trusts. */
export function speaksFor(current: JSCalendarEvent | undefined, address: string, sender: string): boolean {
  if (sameAddress(address, sender)) return true;
  const stored = current ? findParticipant(current, address)?.[1] : undefined;
  return stored?.sentBy !== undefined && sameAddress(stored.sentBy, sender);
}

/** The occurrence an item is about, in the zone of the copy it applies to. */
export const itemKey = (item: ItipItem, zone: string | null | undefined): LocalDateTime | undefined =>
  item.recurrenceId === undefined ? undefined : moveLocal(item.recurrenceId, item.recurrenceIdTimeZone, zone);
