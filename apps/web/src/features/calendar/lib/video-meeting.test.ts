import { describe, expect, it } from 'vitest';
import { eventPropertiesOf, draftOfEvent, newDraft } from './event-draft';
import { overridePatchOf } from './event-patches';
import {
  descriptionWithMeeting,
  descriptionWithoutMeeting,
  MEETING_LOCATION_ID,
  meetingLinkOf,
  roomIdOfLink,
  withMeetingLocation,
} from './video-meeting';

const LINK = 'https://mail.colibri.test/meet/abcdefghijklmnopqrstuvwxyz';
const TEAMS = 'https://teams.example.com/l/meetup-join/19%3ameeting';

describe('a video meeting on an event (RFC 8984 §4.2.6 virtual location + description line)', () => {
  it('adds the room as the colibri-meet virtual location with audio, video, chat and screen, keeping others', () => {
    const others = { teams: { '@type': 'VirtualLocation' as const, uri: TEAMS } };
    const locations = withMeetingLocation(others, LINK, 'Colibri video meeting');
    expect(locations).toEqual({
      teams: others.teams,
      [MEETING_LOCATION_ID]: {
        '@type': 'VirtualLocation',
        name: 'Colibri video meeting',
        uri: LINK,
        features: { audio: true, video: true, chat: true, screen: true },
      },
    });
    expect(withMeetingLocation(locations, null, 'x')).toEqual(others);
  });

  it('puts one line with the link at the end of the description and takes it out again', () => {
    const added = descriptionWithMeeting('Agenda: the reader.\n', LINK, 'Join the video meeting');
    expect(added).toBe(`Agenda: the reader.\n\nJoin the video meeting: ${LINK}`);
    // Adding again does not repeat the line.
    expect(descriptionWithMeeting(added, LINK, 'Join the video meeting')).toBe(added);
    expect(descriptionWithoutMeeting(added, LINK)).toBe('Agenda: the reader.');
    expect(descriptionWithMeeting('', LINK, 'Join')).toBe(`Join: ${LINK}`);
  });

  it('finds the link to join: ours first, then one with video, then any web link; never a phone number', () => {
    expect(meetingLinkOf({ virtualLocations: null })).toBeNull();
    expect(meetingLinkOf({ virtualLocations: { p: { uri: 'tel:+33123456789' } } })).toBeNull();
    expect(meetingLinkOf({ virtualLocations: { t: { uri: TEAMS } } })).toBe(TEAMS);
    expect(
      meetingLinkOf({
        virtualLocations: { t: { uri: TEAMS }, v: { uri: 'https://v.example/x', features: { video: true } } },
      }),
    ).toBe('https://v.example/x');
    expect(
      meetingLinkOf({ virtualLocations: { t: { uri: TEAMS }, [MEETING_LOCATION_ID]: { uri: LINK } } }),
    ).toBe(LINK);
  });

  it('knows a Colibri room link by its /meet/<26 base32 letters> path', () => {
    expect(roomIdOfLink(LINK)).toBe('abcdefghijklmnopqrstuvwxyz');
    expect(roomIdOfLink(TEAMS)).toBeNull();
    expect(roomIdOfLink('javascript:/meet/abcdefghijklmnopqrstuvwxyz')).toBeNull();
  });

  it('the draft carries the virtual locations to the saved event, and back when edited', () => {
    const draft = {
      ...newDraft({ now: new Date('2026-12-01T08:00:00Z'), timeZone: 'Europe/Paris', calendarId: 'C1' }),
      virtualLocations: withMeetingLocation({}, LINK, 'Colibri video meeting'),
    };
    const properties = eventPropertiesOf(draft, 'alice@colibri.test');
    expect(properties.virtualLocations?.[MEETING_LOCATION_ID]?.uri).toBe(LINK);
    const back = draftOfEvent(
      { ...properties, start: properties.start! },
      'Europe/Paris',
      'alice@colibri.test',
    );
    expect(back.virtualLocations).toEqual(draft.virtualLocations);
    // Without a meeting the property is removed (null in a patch, RFC 8620 §5.3).
    expect(
      eventPropertiesOf({ ...draft, virtualLocations: {} }, 'alice@colibri.test').virtualLocations,
    ).toBeNull();
  });

  it('a meeting added to one occurrence goes in its override with the description line (RFC 8984 §4.3.5)', () => {
    const occurrence = { start: '2026-12-03T10:00:00', description: 'Agenda', virtualLocations: null };
    const virtualLocations = withMeetingLocation({}, LINK, 'Colibri video meeting');
    const description = descriptionWithMeeting('Agenda', LINK, 'Join the video meeting');
    expect(overridePatchOf(occurrence, { ...occurrence, virtualLocations, description })).toEqual({
      virtualLocations,
      description,
    });
  });
});
