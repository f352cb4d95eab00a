import { describe, expect, it } from 'vitest';
import { parseInvitation } from './invitation-ics';

const LINK = 'https://mail.colibri.test/meet/abcdefghijklmnopqrstuvwxyz';

// An iTIP REQUEST as the server's iMIP emails carry it (RFC 5546 §3.2.2, RFC 7986 CONFERENCE),
// folded as RFC 5545 §3.1 allows.
const request = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Colibri//EN',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'UID:video-review@colibri.test',
  'DTSTAMP:20260601T100000Z',
  'DTSTART;TZID=Europe/Paris:20260701T140000',
  'DTEND;TZID=Europe/Paris:20260701T144500',
  'SUMMARY:Design review\\, with the team',
  'ORGANIZER;CN="Alice, Ops":mailto:alice@colibri.test',
  'ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:bob@colibri.test',
  `CONFERENCE;VALUE=URI;FEATURE=AUDIO,VIDEO;LABEL="Join: now":${LINK.slice(0, 30)}`,
  ` ${LINK.slice(30)}`,
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

describe('reading an invitation of an iMIP email (RFC 6047) for the reader', () => {
  it('reads method, uid, title, time with its zone, organiser and the CONFERENCE link (unfolded)', () => {
    expect(parseInvitation(request)).toEqual({
      method: 'request',
      uid: 'video-review@colibri.test',
      title: 'Design review, with the team',
      when: {
        start: '2026-07-01T14:00:00',
        timeZone: 'Europe/Paris',
        showWithoutTime: false,
        duration: 'PT45M',
      },
      recurrenceId: null,
      organizer: { name: 'Alice, Ops', email: 'alice@colibri.test' },
      meetingLink: LINK,
    });
  });

  it('reads CANCEL, all-day dates, UTC times and a Teams link; ignores REPLY and what is not iCalendar', () => {
    const cancel = request
      .replace('METHOD:REQUEST', 'METHOD:CANCEL')
      .replace('DTSTART;TZID=Europe/Paris:20260701T140000', 'DTSTART;VALUE=DATE:20260701')
      .replace('DTEND;TZID=Europe/Paris:20260701T144500', 'DTEND;VALUE=DATE:20260702');
    expect(parseInvitation(cancel)).toMatchObject({
      method: 'cancel',
      when: { start: '2026-07-01T00:00:00', timeZone: null, showWithoutTime: true, duration: 'P1D' },
    });
    const teams = request
      .replace(
        /CONFERENCE[^\r]*\r\n [^\r]*\r\n/,
        'X-MICROSOFT-SKYPETEAMSMEETINGURL:https://teams.example.com/l/x\r\n',
      )
      .replace('DTSTART;TZID=Europe/Paris:20260701T140000', 'DTSTART:20260701T120000Z')
      .replace('DTEND;TZID=Europe/Paris:20260701T144500', 'DURATION:PT1H');
    expect(parseInvitation(teams)).toMatchObject({
      meetingLink: 'https://teams.example.com/l/x',
      when: { start: '2026-07-01T12:00:00', timeZone: 'Etc/UTC', duration: 'PT1H' },
    });
    expect(parseInvitation(request.replace('METHOD:REQUEST', 'METHOD:REPLY'))).toBeNull();
    expect(parseInvitation('Hello, this is not a calendar')).toBeNull();
    expect(parseInvitation(request.replace('UID:video-review@colibri.test\r\n', ''))).toBeNull();
  });

  it('never offers a link that is not a web link (javascript:, data:)', () => {
    const hostile = request.replace(
      /CONFERENCE[^\r]*\r\n [^\r]*/,
      'CONFERENCE;VALUE=URI:javascript:alert(1)',
    );
    expect(parseInvitation(hostile)?.meetingLink).toBeNull();
  });
});
