import { describe, expect, it } from 'vitest';
import type { Card } from '@colibri/jmap-types';
import { cardToDraft, draftProblems, draftToCardPatch, draftToNewCard, emptyDraft } from './card-draft';

// RFC 9553 §2 members as packages/vcard writes them from a vCard, with data the form does not show.
const imported: Card = {
  '@type': 'Card',
  version: '1.0',
  uid: 'urn:uuid:1',
  name: {
    components: [
      { kind: 'given', value: 'Ada', phonetic: 'ei-da' },
      { kind: 'surname', value: 'Lovelace' },
    ],
    full: 'Ada Lovelace',
  },
  emails: {
    home: { address: 'ada@home.example', contexts: { private: true }, pref: 2, label: 'perso' },
    work: { address: 'ada@work.example', contexts: { work: true }, pref: 1 },
  },
  phones: { p1: { number: '+44 20 1234', features: { voice: true } } },
  anniversaries: { a1: { kind: 'birth', date: { '@type': 'PartialDate', year: 1815, month: 12, day: 10 } } },
  notes: { n1: { note: 'Analytical engine' } },
  vCard: { properties: [['x-custom', {}, 'text', 'kept']] },
};

describe('card drafts (RFC 9553 cards <-> the edit form)', () => {
  it('reads names, emails by preference, phones, birthday and notes', () => {
    const draft = cardToDraft(imported);
    expect(draft).toMatchObject({
      given: 'Ada',
      surname: 'Lovelace',
      emails: [
        { key: 'work', address: 'ada@work.example', context: 'work' },
        { key: 'home', address: 'ada@home.example', context: 'private' },
      ],
      phones: [{ key: 'p1', number: '+44 20 1234', context: '' }],
      birthday: '1815-12-10',
      note: 'Analytical engine',
    });
  });

  it('an unchanged form patches nothing, so nothing the form hides is lost', () => {
    expect(draftToCardPatch(cardToDraft(imported), imported)).toEqual({});
  });

  it('an edited email keeps its key, label and other members; pref follows the order', () => {
    const draft = cardToDraft(imported);
    draft.emails[1] = { ...draft.emails[1]!, address: 'ada@new.example' };
    const patch = draftToCardPatch(draft, imported);
    expect(Object.keys(patch)).toEqual(['emails']);
    expect(patch.emails).toEqual({
      work: { '@type': 'EmailAddress', address: 'ada@work.example', contexts: { work: true }, pref: 1 },
      home: {
        '@type': 'EmailAddress',
        address: 'ada@new.example',
        contexts: { private: true },
        pref: 2,
        label: 'perso',
      },
    });
  });

  it('removing every phone and the note patches them to null (RFC 8620 §5.3 removal)', () => {
    const draft = { ...cardToDraft(imported), phones: [], note: '' };
    expect(draftToCardPatch(draft, imported)).toEqual({ phones: null, notes: null });
  });

  it('a new card has the name components, a full name, a birthday as a PartialDate, and no empty members', () => {
    const card = draftToNewCard({
      ...emptyDraft(),
      given: 'Grace',
      surname: 'Hopper',
      emails: [
        { address: 'grace@navy.example', context: 'work' },
        { address: ' ', context: '' },
      ],
      addresses: [
        {
          street: '1 Main St',
          locality: 'Arlington',
          region: '',
          postcode: '22201',
          country: 'USA',
          context: '',
        },
      ],
      organization: 'US Navy',
      title: 'Rear Admiral',
      birthday: '1906-12-09',
    });
    expect(card).toEqual({
      '@type': 'Card',
      version: '1.0',
      kind: 'individual',
      name: {
        '@type': 'Name',
        components: [
          { kind: 'given', value: 'Grace' },
          { kind: 'surname', value: 'Hopper' },
        ],
        isOrdered: true,
        full: 'Grace Hopper',
      },
      emails: { k1: { '@type': 'EmailAddress', address: 'grace@navy.example', contexts: { work: true } } },
      addresses: {
        k1: {
          '@type': 'Address',
          components: [
            { kind: 'name', value: '1 Main St' },
            { kind: 'postcode', value: '22201' },
            { kind: 'locality', value: 'Arlington' },
            { kind: 'country', value: 'USA' },
          ],
          full: '1 Main St, 22201 Arlington, USA',
        },
      },
      organizations: { o1: { '@type': 'Organization', name: 'US Navy' } },
      titles: { t1: { '@type': 'Title', name: 'Rear Admiral' } },
      anniversaries: {
        b1: {
          '@type': 'Anniversary',
          kind: 'birth',
          date: { '@type': 'PartialDate', year: 1906, month: 12, day: 9 },
        },
      },
    });
  });

  it('refuses a card with nothing to call it by, and addresses that are not emails', () => {
    expect(draftProblems(emptyDraft())).toEqual({ name: true });
    expect(
      draftProblems({ ...emptyDraft(), given: 'X', emails: [{ address: 'not an email', context: '' }] }),
    ).toEqual({ emails: [0] });
    expect(draftProblems({ ...emptyDraft(), emails: [{ address: 'a@b.example', context: '' }] })).toEqual({});
  });
});
