import { describe, expect, it } from 'vitest';
import type { EmailId } from '../model.js';
import { useFixture, type MailStoreFactory } from './fixture.js';

export function describeSearchSnippets(factory: MailStoreFactory): void {
  describe('getSearchSnippets (RFC 8621 §5)', () => {
    const f = useFixture(factory);

    it('marks the matched terms in subject and body, escaping everything else as HTML', async () => {
      const { store, account, importMail } = f();
      const email = await importMail(
        { Subject: 'Budget <draft> & plans' },
        { body: `${'filler '.repeat(60)}the budget is <b>final</b> & approved ${'tail '.repeat(60)}` },
      );
      const { list, notFound } = await store.getSearchSnippets(account.id, { text: 'budget' }, [email.id]);
      expect(notFound).toEqual([]);
      expect(list).toHaveLength(1);
      expect(list[0]!.subject).toBe('<mark>Budget</mark> &lt;draft&gt; &amp; plans');
      const preview = list[0]!.preview!;
      expect(preview).toContain('<mark>budget</mark>');
      expect(preview).toContain('&lt;b&gt;final&lt;/b&gt;');
      expect(preview).not.toMatch(/<(?!\/?mark>)/);
      expect(Buffer.byteLength(preview)).toBeLessThanOrEqual(255);
    });

    it('answers null where nothing matches, and notFound for unknown or foreign ids', async () => {
      const { store, account, importMail, addAccount } = f();
      const email = await importMail({ Subject: 'Lunch' }, { body: 'pizza at noon' });
      const bob = await addAccount('bob');
      const { list } = await store.getSearchSnippets(account.id, { subject: 'lunch' }, [email.id]);
      expect(list).toEqual([{ emailId: email.id, subject: '<mark>Lunch</mark>', preview: null }]);
      expect(
        (await store.getSearchSnippets(account.id, { body: 'pizza' }, [email.id])).list[0],
      ).toMatchObject({
        subject: null,
        preview: '<mark>pizza</mark> at noon',
      });
      expect(
        (
          await store.getSearchSnippets(account.id, { operator: 'NOT', conditions: [{ text: 'pizza' }] }, [
            email.id,
          ])
        ).list[0],
      ).toMatchObject({ subject: null, preview: null });
      const missing = 'Enotthereatall123' as EmailId;
      expect(await store.getSearchSnippets(bob.account.id, { text: 'lunch' }, [email.id, missing])).toEqual({
        list: [],
        notFound: [email.id, missing],
      });
    });

    it('treats FTS syntax in the search text as literal words', async () => {
      const { store, account, importMail } = f();
      const email = await importMail({ Subject: 'NEAR the "office"' });
      const { list } = await store.getSearchSnippets(account.id, { text: 'NEAR( "office * -' }, [email.id]);
      expect(list[0]!.subject).toBe('<mark>NEAR</mark> the &quot;<mark>office</mark>&quot;');
    });
  });
}
