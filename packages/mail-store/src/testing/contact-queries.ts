import { describe, expect, it } from 'vitest';
import { ForbiddenError, InvalidInputError } from '../errors.js';
import type { ContactCardHit, ContactCardIndex, ContactCardInput, ContactFilter } from '../contacts-model.js';
import { contactLimits } from '../sqlite/contacts/limits.js';
import { useFixture, type MailStoreFactory } from './fixture.js';

/** A card whose index carries the given field values. */
function card(name: string, index: Partial<ContactCardIndex> = {}): ContactCardInput {
  return {
    addressBookIds: [],
    json: JSON.stringify({ '@type': 'Card', name: { full: name } }),
    index: {
      uid: `urn:uuid:${name}`,
      kind: 'individual',
      sortName: name.toLowerCase(),
      emails: [],
      phones: [],
      text: name,
      fields: { name: [name] },
      ...index,
    },
  };
}

const contains = (fields: ContactCardIndex['fields'] & object, value: string) => ({
  contains: [{ fields: Object.keys(fields) as (keyof typeof fields)[], value }],
});

const ids = async (hits: Promise<ContactCardHit[]>) => (await hits).map((h) => h.id);

export function describeContactQueries(factory: MailStoreFactory): void {
  describe('contact card queries and recent addresses', () => {
    const f = useFixture(factory);

    it('filters by case-insensitive substring of a field, long or short, by sort name', async () => {
      const { store, account } = f();
      const ada = await store.createContactCard(
        account.id,
        card('Ada Lovelace', {
          emails: ['Ada@Analytical.ORG'],
          fields: { name: ['Ada Lovelace'], email: ['Ada@Analytical.ORG'], note: ['Met at the Société'] },
        }),
      );
      const alan = await store.createContactCard(
        account.id,
        card('Alan Turing', { fields: { name: ['Alan Turing'], organization: ['Bletchley Park'] } }),
      );
      const q = async (filter: ContactFilter) =>
        (await store.queryContactCards(account.id, filter)).map((h) => h.id);
      expect(await q({ contains: [{ fields: ['name'], value: 'LOVEL' }] })).toEqual([ada.id]);
      expect(await q({ contains: [{ fields: ['email'], value: 'analytical.org' }] })).toEqual([ada.id]);
      expect(await q({ contains: [{ fields: ['note'], value: 'SOCIÉTÉ' }] })).toEqual([ada.id]);
      // Two characters: below a trigram, still exact.
      expect(await q({ contains: [{ fields: ['name'], value: 'ri' }] })).toEqual([alan.id]);
      expect(await q({ contains: [{ fields: ['name', 'organization'], value: 'park' }] })).toEqual([alan.id]);
      // A substring must lie inside one value: not across the end of one and the start of the next.
      expect(await q({ contains: [{ fields: ['name', 'email'], value: 'lovelaceada' }] })).toEqual([]);
      // Empty: every card with a value for the field.
      expect(await q({ contains: [{ fields: ['organization'], value: '' }] })).toEqual([alan.id]);
      // Trigrams in order but not adjacent do not match.
      expect(await q({ contains: [{ fields: ['name'], value: 'ada lovelacx' }] })).toEqual([]);
      expect(await q({ contains: [{ fields: ['name'], value: 'a"b' }] })).toEqual([]);
      expect(await ids(store.queryContactCards(account.id))).toEqual([ada.id, alan.id]);
    });

    it('combines conditions with AND, OR and NOT (RFC 8620 §5.5)', async () => {
      const { store, account } = f();
      const work = await store.createAddressBook(account.id, { name: 'Work' });
      const a = await store.createContactCard(account.id, { ...card('Anna'), addressBookIds: [work.id] });
      const b = await store.createContactCard(account.id, card('Bert'));
      const g = await store.createContactCard(
        account.id,
        card('Team', { kind: 'group', members: ['urn:uuid:Anna', 'urn:uuid:Bert'] }),
      );
      const q = async (filter: ContactFilter) =>
        (await store.queryContactCards(account.id, filter)).map((h) => h.id);
      expect(await q({ inAddressBook: work.id })).toEqual([a.id]);
      expect(await q({ hasMember: 'urn:uuid:Bert' })).toEqual([g.id]);
      expect(await q({ kind: 'group' })).toEqual([g.id]);
      expect(await q({ uid: 'urn:uuid:Bert' })).toEqual([b.id]);
      expect(await q({ operator: 'OR', conditions: [{ uid: 'urn:uuid:Bert' }, { kind: 'group' }] })).toEqual([
        b.id,
        g.id,
      ]);
      expect(await q({ operator: 'NOT', conditions: [{ uid: 'urn:uuid:Bert' }, { kind: 'group' }] })).toEqual(
        [a.id],
      );
      expect(
        await q({ operator: 'AND', conditions: [{ kind: 'individual' }, contains({ name: [] }, 'e')] }),
      ).toEqual([b.id]);
      expect(await q({ operator: 'OR', conditions: [] })).toEqual([]);
      const many: ContactFilter = {
        operator: 'AND',
        conditions: Array.from({ length: contactLimits.maxFilterConditions }, () => ({ kind: 'x' })),
      };
      await expect(q(many)).rejects.toBeInstanceOf(InvalidInputError);
    });

    it('filters by the card\u2019s own created/updated time, else the store\u2019s', async () => {
      const { store, account } = f();
      const old = await store.createContactCard(
        account.id,
        card('Old', { created: new Date('2001-01-01T00:00:00Z'), updated: new Date('2002-01-01T00:00:00Z') }),
      );
      const fresh = await store.createContactCard(account.id, card('Fresh'));
      const q = async (filter: ContactFilter) =>
        (await store.queryContactCards(account.id, filter)).map((h) => h.id);
      expect(await q({ createdBefore: new Date('2010-01-01T00:00:00Z') })).toEqual([old.id]);
      expect(await q({ createdAfter: new Date('2010-01-01T00:00:00Z') })).toEqual([fresh.id]);
      expect(await q({ updatedBefore: new Date('2002-01-01T00:00:00Z') })).toEqual([]);
      expect(await q({ updatedAfter: new Date('2002-01-01T00:00:00Z') })).toEqual([fresh.id, old.id]);
    });

    it('answers `prefix` like the autocomplete search, inside a filter', async () => {
      const { store, account } = f();
      const ada = await store.createContactCard(account.id, card('Ada Lovelace', { emails: ['ada@x.org'] }));
      await store.createContactCard(account.id, card('Grace Hopper', { emails: ['grace@navy.mil'] }));
      expect(await ids(store.queryContactCards(account.id, { prefix: 'Love' }))).toEqual([ada.id]);
      expect(await ids(store.queryContactCards(account.id, { prefix: 'ada@x' }))).toEqual([ada.id]);
      expect(
        await ids(
          store.queryContactCards(account.id, { operator: 'NOT', conditions: [{ prefix: 'grace' }] }),
        ),
      ).toEqual([ada.id]);
    });

    it('lets the caller re-derive an index; the card is not changed by it', async () => {
      const { store, account } = f();
      const ada = await store.createContactCard(account.id, card('Ada'));
      expect(await store.contactCardsToReindex(account.id, 10)).toEqual([]);
      const state = await store.getState(account.id, 'ContactCard');
      await store.reindexContactCards(account.id, [
        { id: ada.id, index: card('Ada', { fields: { name: ['Augusta Ada'] } }).index },
      ]);
      expect(
        await ids(
          store.queryContactCards(account.id, { contains: [{ fields: ['name'], value: 'augusta' }] }),
        ),
      ).toEqual([ada.id]);
      expect(await store.getState(account.id, 'ContactCard')).toBe(state);
    });

    it('collects recipients without a card into the recent book, bounded, unless turned off', async () => {
      const { store, account } = f();
      const known = await store.createContactCard(account.id, card('Known', { emails: ['known@x.org'] }));
      const entry = (email: string) => ({ email, card: card(email, { emails: [email] }) });
      const at = new Date('2026-01-01T00:00:00Z');
      const collectedIds = await store.collectRecentContacts(
        account.id,
        [entry('KNOWN@x.org'), entry('new@x.org'), entry('New@X.org')],
        at,
      );
      expect(collectedIds).toHaveLength(1);
      const recent = (await store.listAddressBooks(account.id)).find((b) => b.role === 'recent');
      expect(recent).toMatchObject({ name: 'Recent', isDefault: false });
      const [collected] = await store.getContactCards(account.id, collectedIds);
      expect(collected).toMatchObject({ addressBookIds: [recent?.id], lastUsedAt: at });
      expect(await store.collectRecentContacts(account.id, [entry('new@x.org')], at)).toEqual([]);
      await expect(
        store.destroyAddressBook(account.id, recent!.id, { removeContents: true }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      expect((await store.getContactCards(account.id, [known.id]))[0]?.addressBookIds).not.toContain(
        recent?.id,
      );

      // The oldest go beyond the bound.
      const max = contactLimits.maxRecentCards;
      const batch = Array.from({ length: max }, (_, i) => entry(`r${i}@x.org`));
      const state = await store.getState(account.id, 'ContactCard');
      await store.collectRecentContacts(account.id, batch, new Date('2026-02-01T00:00:00Z'));
      const inRecent = await ids(store.queryContactCards(account.id, { inAddressBook: recent!.id }));
      expect(inRecent).toHaveLength(max);
      expect(inRecent).not.toContain(collected?.id);
      expect((await store.getChanges(account.id, 'ContactCard', state, 2 * max)).destroyed).toEqual([
        collected?.id,
      ]);

      expect(await store.getContactSettings(account.id)).toEqual({ collectRecent: true });
      await store.setContactSettings(account.id, { collectRecent: false });
      expect(await store.getContactSettings(account.id)).toEqual({ collectRecent: false });
      expect(await store.collectRecentContacts(account.id, [entry('other@x.org')], at)).toEqual([]);
    });
  });
}
