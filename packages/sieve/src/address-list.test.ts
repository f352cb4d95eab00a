import { describe, expect, it } from 'vitest';
import { formatAddress, parseAddressList, validMailbox } from './address-list.js';

describe('parseAddressList', () => {
  it('reads display names, comments, groups, routes and quoted local parts', () => {
    const list = parseAddressList(
      '"Doe, John" <john@example.com> (work), team: a@x.org, "b c"@y.org;, <@relay.org:d@z.org>, "quoted@at"@w.org',
    );
    expect(list.map(formatAddress)).toEqual([
      'john@example.com',
      'a@x.org',
      '"b c"@y.org',
      'd@z.org',
      '"quoted@at"@w.org',
    ]);
    expect(list[4]).toMatchObject({ local: 'quoted@at', domain: 'w.org' });
  });

  it('keeps what has no "@" for :all only', () => {
    expect(parseAddressList('undisclosed-recipients:;')).toEqual([]);
    expect(parseAddressList('postmaster')).toEqual([
      { local: 'postmaster', domain: null, raw: 'postmaster' },
    ]);
  });
});

describe('validMailbox', () => {
  it('accepts one mailbox and returns its addr-spec', () => {
    expect(validMailbox('bart@example.com')).toBe('bart@example.com');
    expect(validMailbox('Bart <bart@example.com>')).toBe('bart@example.com');
    expect(validMailbox('"a b"@example.com')).toBe('"a b"@example.com');
  });

  it('refuses lists, bare names and broken domains', () => {
    const invalid = [
      'a@b.c, d@e.f',
      'bart',
      '@example.com',
      'bart@',
      'bart@exa mple..com',
      '',
      '<@relay.org:d@z.org>',
      'team: a@x.org;',
    ];
    for (const text of invalid) expect(validMailbox(text), text).toBeNull();
  });
});
