import { describe, expect, it } from 'vitest';
import type { AccountId, EmailId } from '../model.js';
import type { CallMode } from '../ports/call-mode.js';
import type { SearchDocument, SearchField, SearchHighlight, SearchIndex } from '../ports/search-index.js';
import { searchTerms } from '../search/search-terms.js';
import { useFreshPerTest } from './fresh-per-test.js';
import type { PortBackend } from './port-fixture.js';

/**
 * Opens a fresh, empty search index of the backend under test, with the backend's transactions.
 * `newEmail` makes an email of the account that has no document yet (an index that hangs off the
 * metadata rows, as FTS5 and PostgreSQL full-text do, needs its row).
 */
export type SearchIndexFactory<Tx> = () => Promise<
  PortBackend<Tx> & {
    index: SearchIndex<Tx, CallMode>;
    newEmail(accountId: AccountId): Promise<EmailId>;
  }
>;

const blank: SearchDocument = {
  subject: '',
  from: '',
  to: '',
  cc: '',
  bcc: '',
  body: '',
  attachmentNames: [],
};

/**
 * The `SearchIndex` port's conformance suite (STYLE 17): what RFC 8621 Email/query text filters
 * and SearchSnippet/get depend on, through the port only. Call it at the top level of a vitest file.
 */
export function describeSearchIndexConformance<Tx>(name: string, factory: SearchIndexFactory<Tx>): void {
  describe(`SearchIndex conformance: ${name}`, () => {
    const f = useFreshPerTest(factory);
    const add = async (account: AccountId, document: Partial<SearchDocument>) => {
      const id = await f().newEmail(account);
      await f().transact((tx) => f().index.index(tx, account, id, { ...blank, ...document }));
      return id;
    };
    const find = async (account: AccountId, field: SearchField, text: string) =>
      [
        ...(await f().transact((tx) => f().index.match(tx, account, { field, terms: searchTerms(text) }))),
      ].sort();
    const highlight = (account: AccountId, id: EmailId, subject: string[], body: string[]) =>
      f().transact((tx) => f().index.highlight(tx, account, id, { subject, body }));
    /** Nothing highlighted: no document (null), or one with no part marked. */
    const unmarked = (found: SearchHighlight | null) => {
      expect(found?.subject ?? null).toBeNull();
      expect(found?.preview ?? null).toBeNull();
    };
    const remove = (account: AccountId, ids: EmailId[]) =>
      f().transact((tx) => f().index.remove(tx, account, ids));

    it('matches every term as a word prefix, case and diacritics folded', async () => {
      const account = await f().newAccount();
      const report = await add(account, { subject: 'Quarterly Résumé review', body: 'Notes from Zürich' });
      const plain = await add(account, { subject: 'resume writing' });
      expect(await find(account, 'text', 'quart')).toEqual([report]);
      expect(await find(account, 'text', 'QUARTERLY zurich')).toEqual([report]);
      expect(await find(account, 'text', 'résumé')).toEqual([report, plain].sort());
      expect(await find(account, 'text', 'resum')).toEqual([report, plain].sort());
      expect(await find(account, 'text', 'quarterly missing')).toEqual([]);
      expect(await find(account, 'text', 'arterly')).toEqual([]);
    });

    it('searches one field, or every field for text', async () => {
      const account = await f().newAccount();
      const inSubject = await add(account, { subject: 'alpha' });
      const inBody = await add(account, { body: 'alpha' });
      const inName = await add(account, { attachmentNames: ['alpha.pdf'] });
      const inFrom = await add(account, { from: 'Alpha Sender alpha@example.test' });
      expect(await find(account, 'subject', 'alpha')).toEqual([inSubject]);
      expect(await find(account, 'body', 'alpha')).toEqual([inBody]);
      expect(await find(account, 'attachmentNames', 'alpha')).toEqual([inName]);
      expect(await find(account, 'text', 'alpha')).toEqual([inSubject, inBody, inName, inFrom].sort());
      // An index may answer an address field for any address field (the caller narrows), never more.
      for (const field of ['from', 'to', 'cc', 'bcc'] as const) {
        const found = await find(account, field, 'alpha');
        for (const id of [inSubject, inBody, inName]) expect(found).not.toContain(id);
      }
      expect(await find(account, 'from', 'alpha@example')).toEqual([inFrom]);
    });

    it('takes search words literally, never as query syntax', async () => {
      const account = await f().newAccount();
      const id = await add(account, { subject: 'say "hi" NEAR (x) a-b col:umn * end^' });
      for (const text of ['"hi"', 'NEAR', '(x)', 'a-b', 'col:umn', 'end^', 'hi"*'])
        expect(await find(account, 'text', text)).toEqual([id]);
      expect(await find(account, 'text', 'NOT say')).toEqual([]);
    });

    it('forgets removed documents, and ignores unknown ids', async () => {
      const account = await f().newAccount();
      const gone = await add(account, { subject: 'gamma' });
      const kept = await add(account, { subject: 'gamma' });
      await remove(account, [gone, `${gone}-unknown` as EmailId]);
      expect(await find(account, 'text', 'gamma')).toEqual([kept]);
      unmarked(await highlight(account, gone, ['gamma'], ['gamma']));
    });

    it('keeps accounts apart', async () => {
      const alice = await f().newAccount();
      const bob = await f().newAccount();
      const hers = await add(alice, { subject: 'delta' });
      const his = await add(bob, { subject: 'delta' });
      expect(await find(alice, 'text', 'delta')).toEqual([hers]);
      expect(await find(bob, 'subject', 'delta')).toEqual([his]);
      await remove(alice, [his]);
      expect(await find(bob, 'text', 'delta')).toEqual([his]);
      unmarked(await highlight(alice, his, ['delta'], ['delta']));
      await f().transact((tx) => f().index.removeAccount(tx, alice));
      expect(await find(alice, 'text', 'delta')).toEqual([]);
      expect(await find(bob, 'text', 'delta')).toEqual([his]);
    });

    it('highlights the terms in the subject and a body fragment, as escaped HTML (RFC 8621 §5)', async () => {
      const account = await f().newAccount();
      const id = await add(account, {
        subject: '<b>Hello</b> & "friends" Résumé',
        body: 'Some words first. Then hello to <script>alert(1)</script> everyone.',
      });
      const marked = await highlight(account, id, ['hello', 'resume'], ['hello']);
      expect(marked?.subject).toBe(
        '&lt;b&gt;<mark>Hello</mark>&lt;/b&gt; &amp; &quot;friends&quot; <mark>Résumé</mark>',
      );
      expect(marked?.preview).toContain('<mark>hello</mark>');
      expect(marked?.preview).toContain('&lt;script&gt;');
      expect(marked?.preview).not.toContain('<script>');
      expect(await highlight(account, id, ['absent'], ['absent'])).toEqual({ subject: null, preview: null });
      expect(await highlight(account, id, [], [])).toEqual({ subject: null, preview: null });
    });
  });
}
