import { describe, expect, it } from 'vitest';
import type { Card } from '@colibri/jmap-types';
import { cardToKeep, findDuplicatePairs, membershipMoves, mergeCards, normalisedName } from './merge-cards';

const card = (uid: string, extra: Partial<Card> = {}): Card => ({
  '@type': 'Card',
  version: '1.0',
  uid,
  ...extra,
});

describe('duplicates (RFC 9553 cards)', () => {
  it('normalises names: accents, case, punctuation and spaces do not count', () => {
    expect(normalisedName(card('1', { name: { full: '  Zoë  O’Brien-Smith ' } }))).toBe('zoe o brien smith');
    expect(
      normalisedName(
        card('2', {
          name: {
            components: [
              { kind: 'given', value: 'ZOË' },
              { kind: 'surname', value: "O'Brien Smith" },
            ],
          },
        }),
      ),
    ).toBe('zoe o brien smith');
    expect(normalisedName(card('3'))).toBe('');
  });

  it('pairs cards sharing an email (any case) or a normalised name; groups and unnamed cards never match by name', () => {
    const a = card('a', { name: { full: 'Ada Lovelace' }, emails: { e: { address: 'ADA@example.org' } } });
    const b = card('b', {
      name: { full: 'Countess of Lovelace' },
      emails: { e: { address: 'ada@example.org' } },
    });
    const c = card('c', { name: { full: 'Grace Hopper' } });
    const d = card('d', { name: { full: 'grace  HOPPER' } });
    const e = card('e');
    const f = card('f');
    const g = card('g', { kind: 'group', name: { full: 'Grace Hopper' } });
    expect(findDuplicatePairs([a, b, c, d, e, f, g])).toEqual([
      { a, b, reason: 'email' },
      { a: c, b: d, reason: 'name' },
    ]);
  });

  it('puts each card in one pair at most, and stops at the limit', () => {
    const same = ['1', '2', '3', '4', '5'].map((uid) => card(uid, { name: { full: 'Same Name' } }));
    const pairs = findDuplicatePairs(same);
    expect(pairs.map((p) => [p.a.uid, p.b.uid])).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(findDuplicatePairs(same, 1)).toHaveLength(1);
  });
});

describe('merging two cards', () => {
  const thin = card('thin', {
    name: { full: 'Ada Lovelace' },
    emails: { e1: { address: 'ada@example.org', pref: 1 }, e2: { address: 'ada@home.example', pref: 2 } },
    phones: { p1: { number: '+44 20 1234 5678' } },
    keywords: { vip: true },
  });
  const rich = card('rich', {
    name: {
      components: [
        { kind: 'given', value: 'Ada' },
        { kind: 'surname', value: 'Lovelace' },
      ],
      full: 'Ada Lovelace',
    },
    emails: { e1: { address: 'ADA@example.org' }, e9: { address: 'countess@example.org', pref: 1 } },
    phones: { p1: { number: '+442012345678' }, p2: { number: '+44 7700 900000' } },
    addresses: { a1: { full: '12 St James’s Square, London' } },
    organizations: { o1: { name: 'Analytical Society', units: [{ name: 'Engines' }] } },
    media: { ph: { kind: 'photo', uri: 'data:image/jpeg;base64,QQ==' } },
  });

  it('keeps the card with the richer name', () => {
    expect(cardToKeep(thin, rich)).toEqual({ keep: rich, other: thin });
    expect(cardToKeep(rich, thin)).toEqual({ keep: rich, other: thin });
  });

  it('unites emails, phones and addresses without duplicates, keeps the richer name and organisation', () => {
    const { patch, undo } = mergeCards(thin, rich);
    expect(patch.emails).toEqual({
      e1: { address: 'ada@example.org', pref: 1 },
      e2: { address: 'ada@home.example', pref: 2 },
      e9: { address: 'countess@example.org' },
    });
    // The same number written two ways is one phone.
    expect(patch.phones).toEqual({ p1: { number: '+44 20 1234 5678' }, p2: { number: '+44 7700 900000' } });
    expect(patch.addresses).toEqual(rich.addresses);
    expect(patch.name).toEqual(rich.name);
    expect(patch.organizations).toEqual(rich.organizations);
    expect(patch.media).toEqual(rich.media);
    expect(patch).not.toHaveProperty('keywords');
    // Undo restores every member the patch touched, removing those the card did not have.
    expect(undo).toEqual({
      emails: thin.emails,
      phones: thin.phones,
      addresses: null,
      name: thin.name,
      organizations: null,
      media: null,
    });
  });

  it('merging the other way keeps what the richer card has and adds only what it lacks', () => {
    const { patch } = mergeCards(rich, thin);
    expect(patch).toEqual({
      emails: {
        e1: { address: 'ADA@example.org' },
        e9: { address: 'countess@example.org', pref: 1 },
        e2: { address: 'ada@home.example' },
      },
      keywords: { vip: true },
    });
  });

  it('renames a colliding key', () => {
    const a = card('a', { notes: { n1: { note: 'first' } } });
    const b = card('b', { notes: { n1: { note: 'second' } } });
    expect(mergeCards(a, b).patch.notes).toEqual({ n1: { note: 'first' }, 'n1-2': { note: 'second' } });
  });

  it('moves group memberships from the destroyed card to the kept one, with their undo', () => {
    const groups = [
      { ...card('g1', { kind: 'group', members: { 'urn:x/other': true } }), id: 'G1' },
      { ...card('g2', { kind: 'group', members: { 'urn:x/other': true, keep: true } }), id: 'G2' },
      { ...card('g3', { kind: 'group', members: { keep: true } }), id: 'G3' },
    ];
    expect(membershipMoves(groups, 'keep', 'urn:x/other')).toEqual({
      patches: {
        G1: { 'members/urn:x~1other': null, 'members/keep': true },
        G2: { 'members/urn:x~1other': null },
      },
      undo: {
        G1: { 'members/urn:x~1other': true, 'members/keep': null },
        G2: { 'members/urn:x~1other': true },
      },
    });
  });
});
