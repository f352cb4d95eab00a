/** Who is who in an event, seen from one account: its own participant, the organizer. */
import type { JSCalendarEvent, Participant } from '@colibri/icalendar';
import type { AccountId, MailStore } from '@colibri/mail-store';

/** A calendar address as a bare lower-case email (`mailto:` dropped), as the engine compares them. */
export const bareEmail = (address: string): string =>
  address
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();

/** The participant's calendar address (RFC 8984 §4.4.6 sendTo.imip, else email), bare. */
export function addressOf(participant: Participant): string | undefined {
  const address = participant.sendTo?.imip ?? participant.email;
  return address ? bareEmail(address) : undefined;
}

/** The organizer's address: replyTo.imip, else the owner participant's. */
export function organizerAddress(event: JSCalendarEvent): string | undefined {
  if (event.replyTo?.imip) return bareEmail(event.replyTo.imip);
  const owner = Object.values(event.participants ?? {}).find((p) => p.roles.owner);
  return owner ? addressOf(owner) : undefined;
}

/**
 * The account's own address in the event: the organizer's when it resolves to the account,
 * else the first participant's that does (the account is an attendee), else undefined.
 */
export async function ownAddressIn(
  store: Pick<MailStore, 'resolveAddress'>,
  accountId: AccountId,
  event: JSCalendarEvent,
): Promise<{ address: string; isOrganizer: boolean } | undefined> {
  const organizer = organizerAddress(event);
  if (organizer && (await store.resolveAddress(organizer)) === accountId)
    return { address: organizer, isOrganizer: true };
  for (const participant of Object.values(event.participants ?? {})) {
    const address = addressOf(participant);
    if (address && address !== organizer && (await store.resolveAddress(address)) === accountId)
      return { address, isOrganizer: false };
  }
  return undefined;
}
