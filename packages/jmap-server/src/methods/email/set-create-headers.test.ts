import { describe, expect, it } from 'vitest';
import { collectHeaders, headerInstances, parseHeaderProperty, rfc5322Date } from './set-create-headers.js';

describe('create-side header properties (RFC 8621 §4.1.2, §4.1.3, §4.6)', () => {
  it('§4.1.3: parses header:{name}[:as{Form}][:all], Raw by default', () => {
    expect(parseHeaderProperty('header:X-Foo')).toEqual({ field: 'X-Foo', form: 'Raw', all: false });
    expect(parseHeaderProperty('header:List-Post:asURLs:all')).toEqual({
      field: 'List-Post',
      form: 'URLs',
      all: true,
    });
    expect(parseHeaderProperty('header:X-Foo:asNothing')).toBeNull();
    expect(parseHeaderProperty('header:Bad Name')).toBeNull();
  });

  it('§4.1.2: RFC 5322 / RFC 2369 fields take only their own form (and Raw); other fields any form', () => {
    expect(parseHeaderProperty('header:Subject:asAddresses')).toBeNull();
    expect(parseHeaderProperty('header:From:asText')).toBeNull();
    expect(parseHeaderProperty('header:From:asGroupedAddresses')).not.toBeNull();
    expect(parseHeaderProperty('header:Received:asDate')).toBeNull();
    expect(parseHeaderProperty('header:Date:asRaw')).not.toBeNull();
    expect(parseHeaderProperty('header:X-When:asDate')).not.toBeNull();
  });

  it('§4.1.2.6 Date: written as an RFC 5322 date-time in the offset it was given in', () => {
    expect(rfc5322Date('2026-03-01T12:00:00+02:00')).toBe('Sun, 01 Mar 2026 12:00:00 +0200');
    expect(rfc5322Date('2026-01-01T00:30:00-05:30')).toBe('Thu, 01 Jan 2026 00:30:00 -0530');
    expect(rfc5322Date('2025-12-31T23:59:59Z')).toBe('Wed, 31 Dec 2025 23:59:59 +0000');
  });

  it('§4.1.2: malformed values are refused; :all takes one value per instance; null means none', () => {
    expect(headerInstances('MessageIds', false, ['a@b', 'c@d'])).toEqual([{ raw: '<a@b> <c@d>' }]);
    expect(headerInstances('MessageIds', false, ['no-at-sign'])).toBeNull();
    expect(headerInstances('Date', false, '2026-03-01')).toBeNull();
    expect(headerInstances('Raw', false, 'caf\u00e9')).toBeNull();
    // RFC 5322 §2.2.3: a raw line break only folds; a bare one would start a header of its own.
    expect(headerInstances('Raw', false, ' a\r\n b')).toEqual([{ raw: ' a\r\n b' }]);
    expect(headerInstances('Raw', false, ' a\r\nBcc: x@y.test')).toBeNull();
    expect(headerInstances('Raw', false, ' a\nb')).toBeNull();
    expect(headerInstances('Text', true, ['a', 'b'])).toEqual([{ text: 'a' }, { text: 'b' }]);
    expect(headerInstances('Text', true, 'not an array')).toBeNull();
    expect(headerInstances('Addresses', false, null)).toEqual([]);
    expect(
      headerInstances('GroupedAddresses', false, [
        { name: null, addresses: [{ name: null, email: 'a@x.test' }] },
        { name: 'G', addresses: [] },
      ]),
    ).toEqual([
      {
        addresses: [
          { name: null, email: 'a@x.test' },
          { name: 'G', group: [] },
        ],
      },
    ]);
  });

  it('§4.6: a field given twice (any case, convenience or header:) is invalid on every property naming it', () => {
    const { bad } = collectHeaders(
      { subject: 'a', 'header:SUBJECT:asText': 'b', 'header:Content-Type': ' text/plain', to: [] },
      true,
    );
    expect(bad.sort()).toEqual(['header:Content-Type', 'header:SUBJECT:asText', 'subject']);
  });
});
