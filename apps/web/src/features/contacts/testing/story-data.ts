import { addressBook, group, mockSession, person } from './mock-contacts-server';

/** Cards and books shown by the stories (and nothing reaches a server). */
export const storyBooks = [addressBook('B1', 'Contacts', { isDefault: true }), addressBook('B2', 'Work')];

export const ada = person('C1', 'Ada Lovelace', 'ada@example.org', {
  name: {
    components: [
      { kind: 'given', value: 'Ada' },
      { kind: 'surname', value: 'Lovelace' },
    ],
    full: 'Ada Lovelace',
  },
  emails: {
    k1: { address: 'ada@example.org', contexts: { private: true }, pref: 1 },
    k2: { address: 'countess@engine.example', contexts: { work: true }, pref: 2 },
  },
  phones: { k1: { number: '+44 20 7946 0000', contexts: { work: true } } },
  addresses: {
    k1: {
      components: [
        { kind: 'name', value: '12 St James’s Square' },
        { kind: 'locality', value: 'London' },
        { kind: 'country', value: 'United Kingdom' },
      ],
      full: '12 St James’s Square, London, United Kingdom',
    },
  },
  organizations: { o1: { name: 'Analytical Engine Society' } },
  titles: { t1: { name: 'Mathematician' } },
  anniversaries: { b1: { kind: 'birth', date: { '@type': 'PartialDate', year: 1815, month: 12, day: 10 } } },
  notes: { n1: { note: 'Wrote the first program.\nPrefers letters.' } },
});
export const grace = person('C2', 'Grace Hopper', 'grace@example.org');
export const arabic = person('C3', 'ليلى عبد الله', 'layla@example.org');
export const pioneers = group('G1', 'Pioneers', [ada.uid, grace.uid]);

export const storyAccount = {
  session: mockSession,
  accountId: 'A1',
  maxObjectsInGet: 500,
  maxObjectsInSet: 500,
};
