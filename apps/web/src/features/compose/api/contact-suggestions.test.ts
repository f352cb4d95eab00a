import { describe, expect, it } from 'vitest';
import { fakeJmapClient } from '../../../testing/fake-jmap';
import { addressMatches, getContactSuggestions, mergeSuggestions } from './contact-suggestions';

describe('contact suggestions for the composer', () => {
  it('asks ContactCard/query with the prefix filter and the recentlyUsed sort, then each email of the cards (mock JMAP)', async () => {
    const { client, calls } = fakeJmapClient((name) =>
      name === 'ContactCard/query'
        ? { accountId: 'A1', queryState: 'q', canCalculateChanges: true, position: 0, ids: ['c2', 'c1'] }
        : {
            accountId: 'A1',
            state: 's',
            notFound: [],
            list: [
              {
                id: 'c2',
                name: { full: 'Zoé Quartermaine' },
                emails: {
                  a: { address: 'zq@home.example', pref: 2 },
                  b: { address: 'zq@work.example', pref: 1 },
                },
              },
              {
                id: 'c1',
                name: { components: [{ kind: 'given', value: 'Quentin' }] },
                emails: { a: { address: 'q@example.org' } },
              },
            ],
          },
    );
    const suggestions = await getContactSuggestions(client, 'A1', 'qu');
    expect(calls[0]).toEqual([
      'ContactCard/query',
      {
        accountId: 'A1',
        filter: { prefix: 'qu' },
        sort: [{ property: 'recentlyUsed', isAscending: true }],
        limit: 8,
      },
      expect.any(String),
    ]);
    expect(calls[1]?.[1]).toMatchObject({ '#ids': { name: 'ContactCard/query', path: '/ids' } });
    expect(suggestions).toEqual([
      { name: 'Zoé Quartermaine', email: 'zq@work.example' },
      { name: 'Zoé Quartermaine', email: 'zq@home.example' },
      { name: 'Quentin', email: 'q@example.org' },
    ]);
  });

  it('a stale answer (its query was cancelled) is dropped, not returned (mock JMAP)', async () => {
    const { client } = fakeJmapClient((name) =>
      name === 'ContactCard/query'
        ? { accountId: 'A1', queryState: 'q', canCalculateChanges: true, position: 0, ids: [] }
        : { accountId: 'A1', state: 's', notFound: [], list: [] },
    );
    const controller = new AbortController();
    controller.abort();
    await expect(getContactSuggestions(client, 'A1', 'qu', controller.signal)).rejects.toThrow();
  });

  it('merges contacts first, then the recent addresses that fit the text, each address once', () => {
    const contacts = [{ name: 'Bob Stone', email: 'bob@x.example' }];
    const recent = [
      { name: null, email: 'BOB@x.example' },
      { name: 'Bobby Tables', email: 'tables@y.example' },
      { name: 'Carol', email: 'carol@z.example' },
    ];
    expect(mergeSuggestions(contacts, recent, 'bob')).toEqual([
      { name: 'Bob Stone', email: 'bob@x.example' },
      { name: 'Bobby Tables', email: 'tables@y.example' },
    ]);
  });

  it('an address fits when a word of its name or address starts with the text', () => {
    const address = { name: 'Zoé Quartermaine', email: 'z.q@example.org' };
    expect(addressMatches(address, 'quart')).toBe(true);
    expect(addressMatches(address, 'z.q@')).toBe(true);
    expect(addressMatches(address, 'example')).toBe(true);
    expect(addressMatches(address, 'termaine')).toBe(false);
  });
});
