import { describe, expect, it } from 'vitest';
import {
  headerPropertyValue,
  headerPropertyValues,
  parseHeaderProperty,
  parseHeaderValue,
  parseUrls,
} from './header-forms.js';

describe('parseHeaderProperty (RFC 8621 §4.1.3)', () => {
  it('RFC 8621 §4.1.3: parses name, form (asRaw by default) and :all; the name is lower-cased', () => {
    expect(parseHeaderProperty('header:X-Spam')).toEqual({
      property: 'header:X-Spam',
      name: 'x-spam',
      form: 'Raw',
      all: false,
    });
    expect(parseHeaderProperty('header:FROM:asGroupedAddresses:all')).toEqual({
      property: 'header:FROM:asGroupedAddresses:all',
      name: 'from',
      form: 'GroupedAddresses',
      all: true,
    });
    expect(parseHeaderProperty('header:List-Post:all')).toMatchObject({ form: 'Raw', all: true });
  });

  it('RFC 8621 §4.1.3: malformed properties are null', () => {
    for (const property of [
      'header:',
      'header:From:asNothing',
      'header:From:all:asAddresses',
      'header:From:asAddresses:all:all',
      'header:Bad Name',
      'header:From:asaddresses',
      'headers:From',
      'header:Fröm',
    ]) {
      expect(parseHeaderProperty(property), property).toBeNull();
    }
  });

  it('RFC 8621 §4.1.2: a form a known field cannot have is null; unknown fields take every form', () => {
    const allowed = [
      'header:Subject:asText',
      'header:Comments:asText',
      'header:Keywords:asText',
      'header:List-Id:asText',
      'header:Resent-Bcc:asAddresses',
      'header:reply-to:asGroupedAddresses',
      'header:Resent-Message-ID:asMessageIds',
      'header:References:asMessageIds',
      'header:Resent-Date:asDate',
      'header:List-Unsubscribe:asURLs',
      'header:List-Archive:asURLs',
      'header:Received:asRaw',
      'header:Date:asRaw',
      'header:X-Whatever:asDate',
      'header:X-Whatever:asURLs',
      'header:X-Whatever:asAddresses',
    ];
    for (const property of allowed) expect(parseHeaderProperty(property), property).not.toBeNull();
    const refused = [
      'header:Subject:asAddresses',
      'header:From:asText',
      'header:To:asMessageIds',
      'header:Message-ID:asText',
      'header:Date:asText',
      'header:Subject:asDate',
      'header:List-Post:asText',
      'header:Received:asText',
      'header:Return-Path:asAddresses',
      'header:Keywords:asURLs',
    ];
    for (const property of refused) expect(parseHeaderProperty(property), property).toBeNull();
  });
});

describe('parseHeaderValue (RFC 8621 §4.1.2)', () => {
  it('RFC 8621 §4.1.2.1 asRaw: the octets after the colon, not unfolded', () => {
    expect(parseHeaderValue(' a\r\n b', 'Raw')).toBe(' a\r\n b');
  });

  it('RFC 8621 §4.1.2.2 asText: unfolded, RFC 2047 words decoded (RFC 2047 §8 examples), trimmed', () => {
    expect(parseHeaderValue(' Hello\r\n  world ', 'Text')).toBe('Hello  world');
    expect(parseHeaderValue(' =?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=', 'Text')).toBe('ab');
    expect(parseHeaderValue(' =?ISO-8859-1?Q?a?=\r\n   =?ISO-8859-1?Q?b?=', 'Text')).toBe('ab');
    expect(parseHeaderValue(' =?ISO-8859-1?Q?a?= b', 'Text')).toBe('a b');
    expect(parseHeaderValue(' =?UTF-8?B?Q2Fmw6kg4oKs?=', 'Text')).toBe('Café €');
  });

  it('RFC 8621 §4.1.2.2 asText: invalid encoded words and 8-bit text are kept as they are', () => {
    expect(parseHeaderValue(' =?bogus?x?zz?= tail', 'Text')).toBe('=?bogus?x?zz?= tail');
    expect(parseHeaderValue(' =?utf-8?q?unterminated', 'Text')).toBe('=?utf-8?q?unterminated');
    expect(parseHeaderValue(' Grüße', 'Text')).toBe('Grüße');
  });

  it('RFC 8621 §4.1.2.3 asAddresses: RFC 5322 Appendix A.1 lists, groups flattened', () => {
    expect(
      parseHeaderValue(' A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;', 'Addresses'),
    ).toEqual([
      { name: 'Ed Jones', email: 'c@a.test' },
      { name: null, email: 'joe@where.test' },
      { name: 'John', email: 'jdoe@one.test' },
    ]);
    expect(parseHeaderValue(' Undisclosed recipients:;', 'Addresses')).toEqual([]);
    expect(
      parseHeaderValue(' <boss@nil.test>, "Giant; \\"Big\\" Box" <sysservices@example.net>', 'Addresses'),
    ).toEqual([
      { name: null, email: 'boss@nil.test' },
      { name: 'Giant; "Big" Box', email: 'sysservices@example.net' },
    ]);
    expect(parseHeaderValue(' =?US-ASCII?Q?Keith_Moore?= <moore@cs.utk.edu>', 'Addresses')).toEqual([
      { name: 'Keith Moore', email: 'moore@cs.utk.edu' },
    ]);
  });

  it('RFC 8621 §4.1.2.3 asAddresses: obsolete syntax (RFC 5322 §4.4 comments) is tolerated', () => {
    const value = ' Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>';
    const [address] = parseHeaderValue(value, 'Addresses') as { email: string }[];
    expect(address?.email).toBe('pete@silly.test');
  });

  it('RFC 8621 §4.1.2.3: best effort on semi-complete input: a name without an address is kept', () => {
    expect(parseHeaderValue(' Name Only <>', 'Addresses')).toEqual([{ name: 'Name Only', email: '' }]);
  });

  it('RFC 8621 §4.1.2.4 asGroupedAddresses: addresses outside a group share a group named null', () => {
    expect(
      parseHeaderValue(' a@x.test, B <b@x.test>, Team: c@x.test;, d@x.test, Empty:;', 'GroupedAddresses'),
    ).toEqual([
      {
        name: null,
        addresses: [
          { name: null, email: 'a@x.test' },
          { name: 'B', email: 'b@x.test' },
        ],
      },
      { name: 'Team', addresses: [{ name: null, email: 'c@x.test' }] },
      { name: null, addresses: [{ name: null, email: 'd@x.test' }] },
      { name: 'Empty', addresses: [] },
    ]);
  });

  it('RFC 8621 §4.1.2.3: hostile address lists (unterminated quotes, huge lists) end in bounded time', () => {
    const quoted = parseHeaderValue(' "never closed <a@x.test>, b@x.test', 'Addresses');
    expect(Array.isArray(quoted)).toBe(true);
    const huge = Array.from({ length: 5000 }, (_, i) => `u${i}@x.test`).join(', ');
    const started = Date.now();
    expect(parseHeaderValue(` ${huge}`, 'Addresses')).toHaveLength(5000);
    expect(Date.now() - started).toBeLessThan(5000);
    expect((parseHeaderValue(` ${'('.repeat(20000)}`, 'Addresses') as unknown[]).length).toBeLessThanOrEqual(
      1,
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('RFC 8621 §4.1.2.5 asMessageIds: msg-ids without angle brackets; null when there is none', () => {
    expect(parseHeaderValue(' <a@b.test>\r\n <c@d.test>', 'MessageIds')).toEqual(['a@b.test', 'c@d.test']);
    expect(parseHeaderValue(' not an id', 'MessageIds')).toBeNull();
    expect(parseHeaderValue(' ', 'MessageIds')).toBeNull();
  });

  it('RFC 8621 §4.1.2.6 asDate: RFC 5322 §3.3 dates (and Appendix A.6.2 obsolete ones) as UTC; else null', () => {
    expect(parseHeaderValue(' Fri, 21 Nov 1997 09:55:06 -0600', 'Date')).toBe('1997-11-21T15:55:06Z');
    expect(parseHeaderValue(' Thu,\r\n 13 Feb 1969 23:32 -0330 (Newfoundland Time)', 'Date')).toBe(
      '1969-02-14T03:02:00Z',
    );
    expect(parseHeaderValue(' yesterday', 'Date')).toBeNull();
  });

  it('RFC 8621 §4.1.2.7 asURLs: RFC 2369 §2 lists, comments dropped, folding inside a URL removed', () => {
    expect(parseHeaderValue(' <mailto:list@host.com?subject=help> (List Instructions)', 'URLs')).toEqual([
      'mailto:list@host.com?subject=help',
    ]);
    expect(
      parseHeaderValue(
        ' <ftp://ftp.host.com/list.txt> (FTP),\r\n    <mailto:list@host.com?subject=help> (by mail)',
        'URLs',
      ),
    ).toEqual(['ftp://ftp.host.com/list.txt', 'mailto:list@host.com?subject=help']);
    expect(parseHeaderValue(' <http://www.host.com/list.cgi?cmd=sub\r\n    &lst=list>', 'URLs')).toEqual([
      'http://www.host.com/list.cgi?cmd=sub&lst=list',
    ]);
    expect(parseHeaderValue(' NO (posting not allowed on this list)', 'URLs')).toBeNull();
    expect(parseUrls('<'.repeat(50000))).toBeNull();
  });
});

describe('headerPropertyValue (RFC 8621 §4.1.3)', () => {
  const fields = [
    { name: 'Received', value: ' from a' },
    { name: 'X-Tag', value: ' one' },
    { name: 'x-tag', value: ' =?utf-8?q?two?=' },
    { name: 'Subject', value: ' hi' },
  ];

  it('RFC 8621 §4.1.3: the last instance without :all, every instance in order with it', () => {
    expect(headerPropertyValue(fields, parseHeaderProperty('header:X-TAG:asText')!)).toBe('two');
    expect(headerPropertyValue(fields, parseHeaderProperty('header:x-tag:asText:all')!)).toEqual([
      'one',
      'two',
    ]);
    expect(headerPropertyValue(fields, parseHeaderProperty('header:X-Tag:all')!)).toEqual([
      ' one',
      ' =?utf-8?q?two?=',
    ]);
  });

  it('RFC 8621 §4.1.3: an absent field is null, or [] with :all', () => {
    expect(headerPropertyValue(fields, parseHeaderProperty('header:X-None:asText')!)).toBeNull();
    expect(headerPropertyValue(fields, parseHeaderProperty('header:X-None:asText:all')!)).toEqual([]);
  });

  it('RFC 8621 §4.1.3: each spelling is its own key; spellings that differ in case share one parse', () => {
    const properties = ['header:x-tag:all', 'header:X-TAG:all', 'header:Subject:asText'];
    const values = headerPropertyValues(
      fields,
      properties.map((property) => parseHeaderProperty(property)!),
    );
    expect(values).toEqual({
      'header:x-tag:all': [' one', ' =?utf-8?q?two?='],
      'header:X-TAG:all': [' one', ' =?utf-8?q?two?='],
      'header:Subject:asText': 'hi',
    });
    expect(values['header:x-tag:all']).toBe(values['header:X-TAG:all']);
  });
});
