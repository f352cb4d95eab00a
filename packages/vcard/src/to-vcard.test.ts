import { describe, expect, it } from 'vitest';
import { vcardToJSContact } from './import.js';
import { readVCardObjects } from './read-vcards.js';
import { cardToVCard, jscontactToVCard } from './to-vcard.js';
import type { Card } from './types.js';

const base = { '@type': 'Card', version: '1.0' } as const;
function readBack(text: string): Card {
  const [r] = vcardToJSContact(text);
  if (!r?.ok) throw new Error(r ? r.error.reason : 'no card');
  return r.value;
}
/** The content lines of the first card, unfolded, without BEGIN/VERSION/END. */
function lines(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((l) => l && !/^(BEGIN|END|VERSION):/.test(l));
}

/** Every member this package converts, with values that need escaping. */
const FULL_CARD: Card = {
  ...base,
  uid: 'urn:uuid:1',
  kind: 'individual',
  prodId: 'Colibri',
  language: 'fr',
  created: '2024-01-02T03:04:05Z',
  updated: '2024-02-03T04:05:06Z',
  name: {
    full: 'Jöhn Q. Public, Esq.',
    components: [
      { kind: 'title', value: 'Mr.' },
      { kind: 'given', value: 'John' },
      { kind: 'surname', value: 'Public' },
      { kind: 'surname2', value: 'Smith' },
      { kind: 'generation', value: 'Jr.' },
    ],
    sortAs: { surname: 'Public' },
  },
  nicknames: { n1: { name: 'Johnny, the one', contexts: { private: true }, pref: 2 } },
  organizations: { o1: { name: 'ACME; Inc.', units: [{ name: 'Sales' }] } },
  titles: {
    t1: { name: 'Boss', kind: 'title', organizationId: 'o1' },
    t2: { name: 'Lead', kind: 'role' },
  },
  emails: { e1: { address: 'john@example.com', contexts: { work: true }, pref: 1, label: 'office' } },
  phones: {
    p1: { number: 'tel:+1-555', features: { mobile: true, text: true }, contexts: { private: true } },
  },
  onlineServices: {
    s1: { service: 'Mastodon', uri: 'https://example.com/@john', user: '@john' },
    s2: { service: 'Game', user: 'john77' },
  },
  preferredLanguages: { l1: { language: 'en', pref: 1 } },
  addresses: {
    a1: {
      components: [
        { kind: 'number', value: '54321' },
        { kind: 'name', value: 'Oak St' },
        { kind: 'locality', value: 'Reston' },
        { kind: 'country', value: 'USA' },
      ],
      countryCode: 'US',
      coordinates: 'geo:38.9,-77.3',
      timeZone: 'America/New_York',
      full: '54321 Oak St\nReston',
      contexts: { work: true },
    },
  },
  anniversaries: {
    b: { kind: 'birth', date: { year: 1980, month: 2, day: 29 }, place: { full: 'Paris' } },
    w: { kind: 'wedding', date: { month: 6, day: 1 } },
    d: { kind: 'death', date: { '@type': 'Timestamp', utc: '2050-01-01T00:00:00Z' } },
  },
  notes: {
    n1: {
      note: 'line 1\nline 2; with, punctuation\\',
      created: '2024-01-01T00:00:00Z',
      author: { name: 'Me' },
    },
  },
  media: { m1: { kind: 'photo', uri: 'data:image/png;base64,iVBORw0KGgo=', mediaType: 'image/png' } },
  links: { l1: { uri: 'https://example.com/', contexts: { work: true } } },
  keywords: { friends: true, 'a,b': true },
  relatedTo: { 'urn:uuid:2': { relation: { friend: true } } },
  speakToAs: { grammaticalGender: 'masculine', pronouns: { p1: { pronouns: 'he/him', pref: 1 } } },
  personalInfo: { i1: { kind: 'hobby', value: 'reading', level: 'high' } },
  calendars: { c1: { kind: 'calendar', uri: 'https://cal.example.com/john' } },
  directories: { d1: { kind: 'directory', uri: 'ldap://ldap.example.com', listAs: 1 } },
};

describe('JSContact -> vCard (RFC 9555)', () => {
  it('writes the RFC 9553 group example as KIND, FN, MEMBER and UID', () => {
    const card: Card = {
      ...base,
      kind: 'group',
      name: { full: 'The Doe family' },
      uid: 'urn:uuid:ab4310aa-fa43-11e9-8f0b-362b9e155667',
      members: {
        'urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af': true,
        'urn:uuid:b8767877-b4a1-4c70-9acc-505d3819e519': true,
      },
    };
    expect(lines(cardToVCard(card))).toEqual([
      'KIND:GROUP',
      'FN:The Doe family',
      'MEMBER:urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af',
      'MEMBER:urn:uuid:b8767877-b4a1-4c70-9acc-505d3819e519',
      'UID:urn:uuid:ab4310aa-fa43-11e9-8f0b-362b9e155667',
    ]);
  });

  it('writes an ordered name with JSCOMPS and a derived FN (RFC 9555, RFC 9553 name #1)', () => {
    const card: Card = {
      ...base,
      uid: 'u',
      name: {
        components: [
          { kind: 'given', value: 'Vincent' },
          { kind: 'surname', value: 'van Gogh' },
        ],
        isOrdered: true,
      },
    };
    const out = lines(cardToVCard(card));
    expect(out).toContain('FN;DERIVED=TRUE:Vincent van Gogh');
    expect(out).toContain('N;JSCOMPS=";1;0":van Gogh;Vincent;;;;;');
  });

  it('writes RFC 9553 created/updated as timestamps and CRLF-folded lines of at most 75 octets', () => {
    const text = cardToVCard({
      ...base,
      uid: 'u',
      created: '2022-09-30T14:35:10Z',
      updated: '2021-10-31T22:27:10Z',
      notes: { n1: { note: 'é'.repeat(100) } },
    });
    expect(lines(text)).toEqual(expect.arrayContaining(['CREATED:20220930T143510Z', 'REV:20211031T222710Z']));
    for (const l of text.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(text.endsWith('END:VCARD\r\n')).toBe(true);
  });

  it('writes members vCard has no property for as JSPROP (RFC 9555), and reads them back', () => {
    const card: Card = {
      ...base,
      uid: 'u',
      name: { full: 'A' },
      someUnknownProperty: true,
      'example.com:foo': { bar: 1234 },
      phones: { phone1: { number: 'tel:+33-01-23-45-67', 'example.com:foo/bar': 'tux hux' } as never },
      localizations: { fr: { 'titles/t1/name': 'Patron' } },
    };
    const text = cardToVCard(card);
    expect(lines(text)).toEqual(
      expect.arrayContaining([
        'JSPROP;JSPTR=someUnknownProperty:true',
        'JSPROP;JSPTR="example.com:foo":{"bar":1234}',
        'JSPROP;JSPTR="phones/phone1/example.com:foo~1bar":"tux hux"',
      ]),
    );
    expect(readBack(text)).toEqual(card);
  });

  it.each(['4.0', '3.0'] as const)(
    'round-trips JSContact -> vCard %s -> JSContact for a full card',
    (version) => {
      const again = readBack(cardToVCard(FULL_CARD, { version }));
      const { vCard: _ignored, ...rest } = again;
      expect(rest).toEqual(FULL_CARD);
    },
  );

  it('round-trips vCard -> JSContact -> vCard keeping every property', () => {
    const source = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Jane Doe',
      'N:Doe;Jane;;;',
      'item1.EMAIL;TYPE=work;X-CUSTOM=1:jane@example.com',
      'item1.X-ABLabel:_$!<Other>!$_',
      'TEL;VALUE=uri;TYPE=cell:tel:+1-555-0100',
      'X-SOCIAL;TYPE=twitter:@jane',
      'CLIENTPIDMAP:1;urn:uuid:3df403f4-5924-4bb7-b077-3c711d9eb34b',
      'GENDER:F;woman',
      'UID:urn:uuid:jane',
      'END:VCARD',
      '',
    ].join('\r\n');
    const card = readBack(source);
    const written = cardToVCard(card);
    const props = (text: string) => {
      const [item] = [...readVCardObjects(text)];
      if (!item?.result.ok) throw new Error('unreadable');
      return item.result.value.properties
        .filter((p) => p.name !== 'prop-id')
        .map((p) => {
          const { 'prop-id': _id, ...params } = p.params;
          if (params.type) params.type = params.type.map((t) => t.toLowerCase()).sort();
          const sorted = Object.fromEntries(Object.entries(params).sort(([a], [b]) => a.localeCompare(b)));
          // Trailing empty components of a structured value carry nothing (RFC 6350 §6.2.2).
          const value = p.name === 'n' || p.name === 'adr' ? p.value.replace(/;+$/, '') : p.value;
          return JSON.stringify({ g: p.group?.toLowerCase(), n: p.name, p: sorted, v: value });
        })
        .sort();
    };
    expect(props(written)).toEqual(props(source));
    expect(readBack(written)).toEqual(card);
  });

  it('writes vCard 3.0 on request (RFC 2426): inline photo, TYPE=pref, Apple group kind', () => {
    const text = jscontactToVCard(
      [
        {
          ...base,
          uid: 'g',
          kind: 'group',
          name: { full: 'Team' },
          members: { 'urn:uuid:1': true },
          emails: { e: { address: 'a@example.com', pref: 1 } },
          media: { m: { kind: 'photo', uri: 'data:image/jpeg;base64,SGVsbG8=' } },
        },
      ],
      { version: '3.0' },
    );
    const out = lines(text);
    expect(text.startsWith('BEGIN:VCARD\r\nVERSION:3.0\r\n')).toBe(true);
    expect(out).toEqual(
      expect.arrayContaining([
        'X-ADDRESSBOOKSERVER-KIND:GROUP',
        'X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:1',
        'N:;;;;',
        'EMAIL;TYPE=internet,pref;PROP-ID=e:a@example.com',
        'PHOTO;PROP-ID=m;ENCODING=b;TYPE=JPEG:SGVsbG8=',
      ]),
    );
    const again = readBack(text);
    expect(again.kind).toBe('group');
    expect(again.members).toEqual({ 'urn:uuid:1': true });
    expect(again.media).toEqual({ m: { kind: 'photo', uri: 'data:image/jpeg;base64,SGVsbG8=' } });
    expect(again.emails).toEqual({ e: { address: 'a@example.com', pref: 1 } });
    expect(text).not.toContain('JSPROP');
  });

  it('exports an Apple 3.0 group as a standard 4.0 group (KIND, MEMBER)', () => {
    const card = readBack(
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Team\r\nN:Team;;;;\r\nX-ADDRESSBOOKSERVER-KIND:group\r\n' +
        'X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:1\r\nEND:VCARD\r\n',
    );
    const out = lines(cardToVCard(card));
    expect(out).toEqual(expect.arrayContaining(['KIND:GROUP', 'MEMBER:urn:uuid:1']));
    expect(out.join('\n')).not.toContain('X-ADDRESSBOOKSERVER');
  });
});
