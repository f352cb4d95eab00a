import type { Id } from '@colibri/jmap-types';
import type { CalendarEvent, JSCalendarVirtualLocation as VirtualLocation } from '@colibri/jmap-types';

/**
 * A video meeting on an event (issue 8): the room's link as a JSCalendar virtual location
 * (RFC 8984 §4.2.6; it travels in iMIP invitations as CONFERENCE, RFC 7986 §5.11) and as a line
 * of the description, for calendar clients that ignore virtual locations.
 */
export const MEETING_LOCATION_ID = 'colibri-meet';

/** Everything a Colibri room offers. */
export const MEETING_FEATURES: NonNullable<VirtualLocation['features']> = {
  audio: true,
  video: true,
  chat: true,
  screen: true,
};

/** A room link of this server: `/meet/` and the room's 26 base32 letters. */
const ROOM_LINK = /\/meet\/([a-z2-7]{26})\/?$/;

const isWebLink = (uri: string) => /^https?:\/\//i.test(uri);

/** The room id of a Colibri meeting link, or null for any other link. */
export function roomIdOfLink(link: string): string | null {
  return isWebLink(link) ? (ROOM_LINK.exec(link)?.[1] ?? null) : null;
}

/**
 * The link to join an event's meeting: our own virtual location first, then one that offers
 * video, then any web link (a Teams or Meet invitation); null when the event has none.
 */
export function meetingLinkOf(event: Pick<CalendarEvent, 'virtualLocations'>): string | null {
  const locations = event.virtualLocations ?? {};
  const ours = locations[MEETING_LOCATION_ID];
  if (ours && isWebLink(ours.uri)) return ours.uri;
  const web = Object.values(locations).filter((v) => isWebLink(v.uri));
  return (web.find((v) => v.features?.video) ?? web[0])?.uri ?? null;
}

/** The virtual locations with the meeting `link` added (or replaced), or removed when null. */
export function withMeetingLocation(
  locations: Record<Id, VirtualLocation>,
  link: string | null,
  name: string,
): Record<Id, VirtualLocation> {
  const { [MEETING_LOCATION_ID]: _old, ...others } = locations;
  if (link === null) return others;
  return {
    ...others,
    [MEETING_LOCATION_ID]: { '@type': 'VirtualLocation', name, uri: link, features: MEETING_FEATURES },
  };
}

/** The description without the lines that carry `link` (and the blank lines left at its end). */
export function descriptionWithoutMeeting(description: string, link: string): string {
  return description
    .split('\n')
    .filter((line) => !line.includes(link))
    .join('\n')
    .replace(/\s+$/, '');
}

/** The description with one line `<label>: <link>` at its end, after a blank line. */
export function descriptionWithMeeting(description: string, link: string, label: string): string {
  const rest = descriptionWithoutMeeting(description, link);
  return `${rest}${rest ? '\n\n' : ''}${label}: ${link}`;
}
