import { generateKeyPairSync } from 'node:crypto';
import { dkimSign } from 'mailauth';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANN, PASSWORD, basic, startTestColibri } from './support/colibri.js';
import type { TestColibri } from './support/colibri.js';
import { dkimKeyRecord, fakeDns } from './support/fake-dns.js';

let colibri: TestColibri;

/**
 * A fake DNS: remote.test (the external attendee's domain) passes SPF from loopback and has a
 * DMARC record; other.test passes SPF too, but a message From remote.test sent with an
 * other.test envelope is not aligned, so DMARC fails (p=none: still delivered, to the Inbox).
 */
/** remote.test's DKIM key (selector s1), used by the LMTP tests below. */
const remoteKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
const dns = fakeDns({
  's1._domainkey.remote.test': [dkimKeyRecord(remoteKey.publicKey.export({ type: 'spki', format: 'der' }))],
  'remote.test': ['v=spf1 ip4:127.0.0.1 ip6:::1 ip6:::ffff:127.0.0.1 -all'],
  '_dmarc.remote.test': ['v=DMARC1; p=none'],
  'other.test': ['v=spf1 ip4:127.0.0.1 ip6:::1 ip6:::ffff:127.0.0.1 -all'],
});

const UID = 'roadmap-review@fixture.test';
const organizerEvent = {
  '@type': 'Event',
  uid: UID,
  title: 'Roadmap review',
  start: '2026-06-10T15:00:00',
  timeZone: 'Europe/Paris',
  duration: 'PT1H',
  sequence: 0,
  updated: '2026-05-01T08:00:00Z',
  participants: {
    ann: {
      '@type': 'Participant',
      email: ANN,
      sendTo: { imip: `mailto:${ANN}` },
      roles: { owner: true, attendee: true },
      participationStatus: 'accepted',
    },
    carol: {
      '@type': 'Participant',
      email: 'carol@remote.test',
      sendTo: { imip: 'mailto:carol@remote.test' },
      roles: { attendee: true },
      participationStatus: 'needs-action',
      expectReply: true,
    },
  },
};

/** A second event of Ann's, answered over LMTP by erin@remote.test. */
const LMTP_UID = 'budget-review@fixture.test';
const lmtpEvent = {
  ...organizerEvent,
  uid: LMTP_UID,
  title: 'Budget review',
  participants: {
    ann: organizerEvent.participants.ann,
    erin: {
      '@type': 'Participant',
      email: 'erin@remote.test',
      sendTo: { imip: 'mailto:erin@remote.test' },
      roles: { attendee: true },
      participationStatus: 'needs-action',
      expectReply: true,
    },
  },
};
/** The authserv-id our SMTP checks write (COLIBRI_SMTP_NAME). */
const SERVER_NAME = 'mx.fixture.test';

beforeAll(async () => {
  colibri = await startTestColibri({
    dnsResolver: dns,
    env: { COLIBRI_SMTP_NAME: SERVER_NAME },
    seed: async (store, fixture) => {
      const calendar = (await store.listCalendars(fixture.ann.accountId)).find((c) => c.isDefault)!;
      await store.createCalendarEvent(fixture.ann.accountId, {
        calendarIds: [calendar.id],
        uid: UID,
        utcStart: new Date('2026-06-10T13:00:00Z'),
        utcEnd: new Date('2026-06-10T14:00:00Z'),
        data: organizerEvent,
      });
      await store.createCalendarEvent(fixture.ann.accountId, {
        calendarIds: [calendar.id],
        uid: LMTP_UID,
        utcStart: new Date('2026-06-10T13:00:00Z'),
        utcEnd: new Date('2026-06-10T14:00:00Z'),
        data: lmtpEvent,
      });
    },
  });
});
afterAll(() => colibri.stop());

/** An iTIP object as Outlook and Thunderbird send a REPLY or COUNTER (RFC 5546 §3.2.3, §3.2.7). */
function itip(method: 'REPLY' | 'COUNTER', stamp: string, extra: string[]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Remote Corp//Mail 1.0//EN',
    `METHOD:${method}`,
    'BEGIN:VEVENT',
    `UID:${UID}`,
    'SEQUENCE:0',
    `DTSTAMP:${stamp}`,
    `ORGANIZER:mailto:${ANN}`,
    ...extra,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

/** Sends an iMIP message from carol@remote.test (header From), with `mailFrom` as the envelope sender. */
async function sendImip(mailFrom: string, subject: string, method: string, ics: string) {
  const transport = createTransport({ host: '127.0.0.1', port: colibri.smtpPort, ignoreTLS: true });
  try {
    await transport.sendMail({
      envelope: { from: mailFrom, to: [ANN] },
      raw:
        `From: Carol <carol@remote.test>\r\nTo: <${ANN}>\r\nSubject: ${subject}\r\n` +
        `Message-ID: <${subject.replace(/\W/g, '')}@remote.test>\r\nMIME-Version: 1.0\r\n` +
        `Content-Type: multipart/alternative; boundary="b1"\r\n\r\n` +
        `--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n${subject}\r\n` +
        `--b1\r\nContent-Type: text/calendar; method=${method}; charset=UTF-8\r\n\r\n${ics}\r\n--b1--\r\n`,
    });
  } finally {
    transport.close();
  }
}

/** Ann's copy of the event, over JMAP (CalendarEvent/query then /get). */
async function annsEvent(uid = UID): Promise<Record<string, unknown>> {
  const accountId = colibri.fixture!.ann.accountId;
  const response = await fetch(`${colibri.httpUrl}/jmap/api`, {
    method: 'POST',
    headers: { Authorization: basic(ANN, PASSWORD), 'Content-Type': 'application/json' },
    body: JSON.stringify({
      using: ['urn:ietf:params:jmap:core', 'urn:ietf:params:jmap:calendars'],
      methodCalls: [
        ['CalendarEvent/query', { accountId, filter: { uid } }, 'q'],
        [
          'CalendarEvent/get',
          { accountId, '#ids': { resultOf: 'q', name: 'CalendarEvent/query', path: '/ids' } },
          'g',
        ],
      ],
    }),
  });
  const body = (await response.json()) as { methodResponses: [string, Record<string, unknown>, string][] };
  const list = body.methodResponses[1]![1].list as Record<string, unknown>[];
  return list.find((e) => e.uid === uid)!;
}
const carolOf = (event: Record<string, unknown>) =>
  (event.participants as Record<string, { participationStatus?: string }>).carol!;
const proposalsOf = (event: Record<string, unknown>) =>
  (event['colibri:proposals'] as { from: string; start: string; status: string }[] | undefined) ?? [];

describe('iMIP received over SMTP (RFC 6047) with a fake DNS', () => {
  it('fake DNS: a REPLY without DMARC alignment is kept as mail only', async () => {
    await sendImip(
      'bounces@other.test',
      'Spoofed accept',
      'REPLY',
      itip('REPLY', '20260502T080000Z', ['ATTENDEE;PARTSTAT=ACCEPTED:mailto:carol@remote.test']),
    );
    expect(carolOf(await annsEvent()).participationStatus).toBe('needs-action');
  });

  it('fake DNS: a COUNTER without DMARC alignment creates no proposal', async () => {
    await sendImip(
      'bounces@other.test',
      'Spoofed counter',
      'COUNTER',
      itip('COUNTER', '20260502T081000Z', [
        'DTSTART;TZID=Europe/Paris:20260611T090000',
        'DTEND;TZID=Europe/Paris:20260611T100000',
        'ATTENDEE;PARTSTAT=TENTATIVE:mailto:carol@remote.test',
      ]),
    );
    expect(proposalsOf(await annsEvent())).toEqual([]);
  });

  it('fake DNS: an authentic REPLY (dmarc=pass) updates the organizer copy', async () => {
    await sendImip(
      'carol@remote.test',
      'Accepted: Roadmap review',
      'REPLY',
      itip('REPLY', '20260502T090000Z', ['ATTENDEE;PARTSTAT=ACCEPTED:mailto:carol@remote.test']),
    );
    expect(carolOf(await annsEvent()).participationStatus).toBe('accepted');
  });

  it('fake DNS: an authentic COUNTER is stored as a pending proposal, the event unchanged', async () => {
    await sendImip(
      'carol@remote.test',
      'New time proposed: Roadmap review',
      'COUNTER',
      itip('COUNTER', '20260502T091000Z', [
        'DTSTART;TZID=Europe/Paris:20260611T090000',
        'DTEND;TZID=Europe/Paris:20260611T100000',
        'ATTENDEE;PARTSTAT=TENTATIVE:mailto:carol@remote.test',
        'COMMENT:Wednesday is full for me',
      ]),
    );
    const event = await annsEvent();
    expect(event.start).toBe('2026-06-10T15:00:00');
    expect(proposalsOf(event)).toEqual([
      expect.objectContaining({
        from: 'carol@remote.test',
        start: '2026-06-11T09:00:00',
        duration: 'PT1H',
        comment: 'Wednesday is full for me',
        status: 'pending',
      }),
    ]);
  });
});

describe('an external organizer over SMTP (RFC 6047) with a fake DNS', () => {
  const DAVE_UID = 'offsite@remote.test';
  const fromDave = (method: string, stamp: string, extra: string[]) =>
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Remote Corp//Mail 1.0//EN',
      `METHOD:${method}`,
      'BEGIN:VEVENT',
      `UID:${DAVE_UID}`,
      'SEQUENCE:0',
      `DTSTAMP:${stamp}`,
      'ORGANIZER:mailto:dave@remote.test',
      ...extra,
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');

  async function sendFromDave(subject: string, method: string, ics: string) {
    const transport = createTransport({ host: '127.0.0.1', port: colibri.smtpPort, ignoreTLS: true });
    try {
      await transport.sendMail({
        envelope: { from: 'dave@remote.test', to: [ANN] },
        raw:
          `From: Dave <dave@remote.test>\r\nTo: <${ANN}>\r\nSubject: ${subject}\r\n` +
          `Message-ID: <${subject.replace(/\W/g, '')}@remote.test>\r\nMIME-Version: 1.0\r\n` +
          `Content-Type: text/calendar; method=${method}; charset=UTF-8\r\n\r\n${ics}`,
      });
    } finally {
      transport.close();
    }
  }

  async function jmap(methodCalls: unknown[]) {
    const response = await fetch(`${colibri.httpUrl}/jmap/api`, {
      method: 'POST',
      headers: { Authorization: basic(ANN, PASSWORD), 'Content-Type': 'application/json' },
      body: JSON.stringify({
        using: [
          'urn:ietf:params:jmap:core',
          'urn:ietf:params:jmap:calendars',
          'urn:colibri:params:jmap:calendar-proposals',
        ],
        methodCalls,
      }),
    });
    return ((await response.json()) as { methodResponses: [string, Record<string, unknown>, string][] })
      .methodResponses;
  }

  it('fake DNS: an authentic REQUEST lands in the calendar; a proposal is sent as COUNTER; the DECLINECOUNTER is recorded', async () => {
    const accountId = colibri.fixture!.ann.accountId;
    await sendFromDave(
      'Invitation: Offsite',
      'REQUEST',
      fromDave('REQUEST', '20260503T080000Z', [
        'SUMMARY:Offsite',
        'DTSTART;TZID=Europe/Paris:20260612T100000',
        'DTEND;TZID=Europe/Paris:20260612T120000',
        'ATTENDEE;PARTSTAT=ACCEPTED:mailto:dave@remote.test',
        `ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:${ANN}`,
      ]),
    );
    const [query] = await jmap([['CalendarEvent/query', { accountId, filter: { uid: DAVE_UID } }, 'q']]);
    const [eventId] = query![1].ids as string[];
    expect(eventId).toBeDefined();

    const [created] = await jmap([
      [
        'CalendarEventProposal/set',
        {
          accountId,
          create: { p: { calendarEventId: eventId, start: '2026-06-15T10:00:00', comment: 'Monday?' } },
        },
        's',
      ],
    ]);
    expect(created![1].notCreated ?? null).toBeNull();
    // (The COUNTER queued for Dave is checked in packages/jmap-server/tests/scheduling-proposals.test.ts.)

    await sendFromDave(
      'Proposal declined: Offsite',
      'DECLINECOUNTER',
      fromDave('DECLINECOUNTER', '20260503T090000Z', [
        `ATTENDEE:mailto:${ANN}`,
        'COMMENT:The room is booked',
      ]),
    );
    const [got] = await jmap([['CalendarEventProposal/get', { accountId }, 'g']]);
    const mine = (got![1].list as { calendarEventId: string; status: string; from: string }[]).filter(
      (p) => p.calendarEventId === eventId,
    );
    expect(mine).toEqual([expect.objectContaining({ from: ANN, status: 'declined' })]);
  });
});

describe('iMIP received over LMTP (RFC 2033, RFC 6047) with a fake DNS', () => {
  /** Erin's REPLY as the MTA in front hands it over: `extraHeaders` first, signed when asked. */
  async function lmtpReply(subject: string, options: { sign: boolean; extraHeaders?: string }) {
    const ics = itip('REPLY', '20260504T080000Z', [
      'ATTENDEE;PARTSTAT=ACCEPTED:mailto:erin@remote.test',
    ]).replace(`UID:${UID}`, `UID:${LMTP_UID}`);
    const body =
      `From: Erin <erin@remote.test>\r\nTo: <${ANN}>\r\nSubject: ${subject}\r\n` +
      `Message-ID: <${subject.replace(/\W/g, '')}@remote.test>\r\nMIME-Version: 1.0\r\n` +
      `Content-Type: text/calendar; method=REPLY; charset=UTF-8\r\n\r\n${ics}`;
    let raw = body;
    if (options.sign) {
      // mailauth 4 signs with `signatureData` (its typings describe the flat options of v5+).
      const signed = await dkimSign(Buffer.from(body), {
        signatureData: [
          {
            signingDomain: 'remote.test',
            selector: 's1',
            privateKey: remoteKey.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
          },
        ],
      } as never);
      raw = signed.signatures + body;
    }
    const transport = createTransport({
      host: '127.0.0.1',
      port: colibri.lmtpPort!,
      lmtp: true,
      ignoreTLS: true,
    });
    try {
      const info = await transport.sendMail({
        envelope: { from: 'erin@remote.test', to: [ANN] },
        raw: (options.extraHeaders ?? '') + raw,
      });
      expect(info.accepted).toEqual([ANN]);
    } finally {
      transport.close();
    }
  }
  const erinOf = (event: Record<string, unknown>) =>
    (event.participants as Record<string, { participationStatus?: string }>).erin!;

  it('fake DNS: an unsigned REPLY is mail only, even with an Authentication-Results in our name', async () => {
    // Over LMTP no checks of ours ran: a field claiming our authserv-id came from the sender.
    await lmtpReply('Forged accept', {
      sign: false,
      extraHeaders: `Authentication-Results: ${SERVER_NAME}; dkim=pass header.d=remote.test; dmarc=pass header.from=remote.test\r\n`,
    });
    expect(erinOf(await annsEvent(LMTP_UID)).participationStatus).toBe('needs-action');
  });

  it('fake DNS: a REPLY with a DKIM signature of the From domain that we verify updates the organizer copy', async () => {
    await lmtpReply('Accepted: Budget review', { sign: true });
    expect(erinOf(await annsEvent(LMTP_UID)).participationStatus).toBe('accepted');
  });
});
