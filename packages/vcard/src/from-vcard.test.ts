import { describe, expect, it } from 'vitest';
import { vcardToJSContact } from './import.js';
import type { Card } from './types.js';

function one(body: string, version = '4.0'): Card {
  const [r] = vcardToJSContact(`BEGIN:VCARD\r\nVERSION:${version}\r\n${body}\r\nEND:VCARD\r\n`);
  if (!r?.ok) throw new Error(r ? r.error.reason : 'no card');
  return r.value;
}

// RFC 6350 §8: the author's example card.
const RFC6350_EXAMPLE = [
  'FN:Simon Perreault',
  'N:Perreault;Simon;;;ing. jr,M.Sc.',
  'BDAY:--0203',
  'ANNIVERSARY:20090808T1430-0500',
  'GENDER:M',
  'LANG;PREF=1:fr',
  'LANG;PREF=2:en',
  'ORG;TYPE=work:Viagenie',
  'ADR;TYPE=work:;Suite D2-630;2875 Laurier;',
  ' Quebec;QC;G1V 2M2;Canada',
  'TEL;VALUE=uri;TYPE="work,voice";PREF=1:tel:+1-418-656-9254;ext=102',
  'TEL;VALUE=uri;TYPE="work,cell,voice,video,text":tel:+1-418-262-6501',
  'EMAIL;TYPE=work:simon.perreault@viagenie.ca',
  'GEO;TYPE=work:geo:46.772673,-71.282945',
  'KEY;TYPE=work;VALUE=uri:',
  ' http://www.viagenie.ca/simon.perreault/simon.asc',
  'TZ:-0500',
  'URL;TYPE=home:http://nomis80.org',
].join('\r\n');

describe('vCard -> JSContact (RFC 9555)', () => {
  it('converts the RFC 6350 §8 example', () => {
    const card = one(RFC6350_EXAMPLE);
    expect(card['@type']).toBe('Card');
    expect(card.version).toBe('1.0');
    expect(card.name).toEqual({
      full: 'Simon Perreault',
      components: [
        { kind: 'surname', value: 'Perreault' },
        { kind: 'given', value: 'Simon' },
        { kind: 'credential', value: 'ing. jr' },
        { kind: 'credential', value: 'M.Sc.' },
      ],
    });
    expect(Object.values(card.anniversaries ?? {})).toEqual([
      { kind: 'birth', date: { month: 2, day: 3 } },
      { kind: 'wedding', date: { '@type': 'Timestamp', utc: '2009-08-08T19:30:00Z' } },
    ]);
    expect(Object.values(card.preferredLanguages ?? {})).toEqual([
      { language: 'fr', pref: 1 },
      { language: 'en', pref: 2 },
    ]);
    expect(Object.values(card.organizations ?? {})).toEqual([{ name: 'Viagenie', contexts: { work: true } }]);
    expect(Object.values(card.phones ?? {})).toEqual([
      { number: 'tel:+1-418-656-9254;ext=102', contexts: { work: true }, features: { voice: true }, pref: 1 },
      {
        number: 'tel:+1-418-262-6501',
        contexts: { work: true },
        features: { mobile: true, voice: true, video: true, text: true },
      },
    ]);
    expect(Object.values(card.emails ?? {})).toEqual([
      { address: 'simon.perreault@viagenie.ca', contexts: { work: true } },
    ]);
    const addresses = Object.values(card.addresses ?? {});
    expect(addresses[0]).toEqual({
      contexts: { work: true },
      components: [
        { kind: 'apartment', value: 'Suite D2-630' },
        { kind: 'name', value: '2875 Laurier' },
        { kind: 'locality', value: 'Quebec' },
        { kind: 'region', value: 'QC' },
        { kind: 'postcode', value: 'G1V 2M2' },
        { kind: 'country', value: 'Canada' },
      ],
    });
    // GEO and TZ become addresses of their own, named in vCard.convertedProperties.
    expect(addresses.slice(1)).toEqual([
      { coordinates: 'geo:46.772673,-71.282945' },
      { timeZone: 'Etc/GMT+5' },
    ]);
    expect(Object.values(card.cryptoKeys ?? {})).toEqual([
      { uri: 'http://www.viagenie.ca/simon.perreault/simon.asc', contexts: { work: true } },
    ]);
    expect(Object.values(card.links ?? {})).toEqual([
      { uri: 'http://nomis80.org', contexts: { private: true } },
    ]);
    // GENDER has no JSContact member (RFC 9555): kept whole, structured as jCard (RFC 7095).
    expect(card.vCard?.properties).toEqual([['gender', {}, 'unknown', ['M']]]);
  });

  it('uses PROP-ID for map keys (RFC 9555)', () => {
    const card = one('EMAIL;PROP-ID=e1:a@example.com\r\nEMAIL:b@example.com');
    expect(card.emails).toEqual({ e1: { address: 'a@example.com' }, k1: { address: 'b@example.com' } });
  });

  it('keeps unknown properties and parameters (RFC 9555)', () => {
    const card = one('item1.X-FOO;X-BAR=Hello:World!\r\nEMAIL;X-FOO=Bar:jane_doe@example.com');
    expect(card.vCard).toEqual({
      properties: [['x-foo', { group: 'item1', 'x-bar': 'Hello' }, 'unknown', 'World!']],
      convertedProperties: { 'emails/k1/address': { parameters: { 'x-foo': 'Bar' } } },
    });
  });

  it('reads N with SORT-AS and RFC 9554 components, without repeating generation', () => {
    const card = one('N;SORT-AS="Stevenson,John Philip":Stevenson;John;Philip,Paul;Dr.;Jr.,M.D.,A.C.P.;;Jr.');
    expect(card.name?.components).toEqual([
      { kind: 'surname', value: 'Stevenson' },
      { kind: 'given', value: 'John' },
      { kind: 'given2', value: 'Philip' },
      { kind: 'given2', value: 'Paul' },
      { kind: 'title', value: 'Dr.' },
      { kind: 'credential', value: 'M.D.' },
      { kind: 'credential', value: 'A.C.P.' },
      { kind: 'generation', value: 'Jr.' },
    ]);
    expect(card.name?.sortAs).toEqual({ surname: 'Stevenson', given: 'John Philip' });
  });

  it('reads JSCOMPS as the component order (RFC 9555)', () => {
    const card = one('ADR;JSCOMPS="s,\\, ;10;s, ;11;3":;;54321,Oak St;Reston;;;;;;;54321;Oak St;;;;;;');
    expect(card.addresses?.k1).toEqual({
      components: [
        { kind: 'number', value: '54321' },
        { kind: 'separator', value: ' ' },
        { kind: 'name', value: 'Oak St' },
        { kind: 'locality', value: 'Reston' },
      ],
      defaultSeparator: ', ',
      isOrdered: true,
    });
  });

  it('reads groups: KIND:group and MEMBER, and Apple 3.0 X-ADDRESSBOOKSERVER-*', () => {
    const v4 = one('KIND:group\r\nFN:The Doe family\r\nMEMBER:urn:uuid:03a0e51f\r\nMEMBER:urn:uuid:b8767877');
    expect(v4.kind).toBe('group');
    expect(v4.members).toEqual({ 'urn:uuid:03a0e51f': true, 'urn:uuid:b8767877': true });
    const v3 = one(
      'FN:Team\r\nX-ADDRESSBOOKSERVER-KIND:group\r\nX-ADDRESSBOOKSERVER-MEMBER:urn:uuid:1',
      '3.0',
    );
    expect(v3.kind).toBe('group');
    expect(v3.members).toEqual({ 'urn:uuid:1': true });
  });

  it('turns a 3.0 inline PHOTO (ENCODING=b) into a data: URI', () => {
    const card = one('FN:A\r\nPHOTO;ENCODING=b;TYPE=JPEG:SGVsbG8s\r\n IHdvcmxk', '3.0');
    expect(Object.values(card.media ?? {})).toEqual([
      { kind: 'photo', uri: 'data:image/jpeg;base64,SGVsbG8sIHdvcmxk' },
    ]);
  });

  it('maps an Apple X-ABLabel to the label of its group (RFC 9555)', () => {
    const card = one('item1.TEL;VALUE=uri:tel:+1-555-555-5555\r\nitem1.X-ABLabel:foo', '3.0');
    expect(card.phones?.k1).toEqual({ number: 'tel:+1-555-555-5555', label: 'foo' });
  });

  it('reads 3.0 TYPE=pref as pref 1 and TYPE=internet as the default', () => {
    const card = one('EMAIL;TYPE=INTERNET,HOME,pref:a@example.com', '3.0');
    expect(card.emails?.k1).toEqual({ address: 'a@example.com', contexts: { private: true }, pref: 1 });
  });

  it('applies JSPROP (RFC 9555) for members vCard cannot hold', () => {
    const card = one(
      'TEL;PROP-ID=phone1:tel:+33-01-23-45-67\r\nJSPROP;JSPTR="phones/phone1/example.com:foo~1bar":"tux hux"',
    );
    expect(card.phones?.phone1).toEqual({ number: 'tel:+33-01-23-45-67', 'example.com:foo/bar': 'tux hux' });
  });

  it('keeps a property whose value does not convert, instead of dropping it', () => {
    const card = one('BDAY;VALUE=text:circa 1800');
    expect(card.anniversaries).toBeUndefined();
    expect(card.vCard?.properties).toEqual([['bday', { value: 'text' }, 'unknown', 'circa 1800']]);
  });
});
