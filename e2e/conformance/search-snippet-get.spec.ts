import type { Id } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import { expectMethodError } from './support/expect-jmap.js';
import { importMessage, mailboxesByRole, rfc822 } from './support/mail.js';

interface Snippets {
  accountId: Id;
  list: { emailId: Id; subject: string | null; preview: string | null }[];
  notFound: Id[] | null;
}

test.describe('RFC 8621 §5.1 SearchSnippet/get', () => {
  test('RFC 8621 §5: matches are marked with <mark> in subject and preview, HTML-escaped', async ({
    account,
  }) => {
    const { inbox } = await mailboxesByRole(account);
    const email = await importMessage(
      account,
      rfc822({ subject: 'Quarterly zebra <report>', text: 'Before the zebra crossing & after it.' }),
      [inbox!],
    );
    const result = await account.ok<Snippets>('SearchSnippet/get', {
      accountId: account.accountId,
      filter: { text: 'zebra' },
      emailIds: [email.id],
    });
    expect(result.list).toHaveLength(1);
    const [snippet] = result.list;
    expect(snippet?.emailId).toBe(email.id);
    expect(snippet?.subject).toBe('Quarterly <mark>zebra</mark> &lt;report&gt;');
    expect(snippet?.preview).toContain('<mark>zebra</mark>');
    expect(snippet?.preview).toContain('&amp;');
    expect(result.notFound ?? []).toEqual([]);
  });

  test('RFC 8621 §5.1: an email id that does not exist is in notFound', async ({ account }) => {
    const result = await account.ok<Snippets>('SearchSnippet/get', {
      accountId: account.accountId,
      filter: { text: 'zebra' },
      emailIds: ['Enope'],
    });
    expect(result.list).toEqual([]);
    expect(result.notFound).toEqual(['Enope']);
  });

  test('RFC 8621 §5: when nothing matches in a field, that field is null', async ({ account }) => {
    const { inbox } = await mailboxesByRole(account);
    const email = await importMessage(
      account,
      rfc822({ subject: 'Nothing here', text: 'Only the body has okapi.' }),
      [inbox!],
    );
    const { list } = await account.ok<Snippets>('SearchSnippet/get', {
      accountId: account.accountId,
      filter: { body: 'okapi' },
      emailIds: [email.id],
    });
    expect(list[0]?.subject).toBeNull();
    expect(list[0]?.preview).toContain('<mark>okapi</mark>');
  });

  test('RFC 8621 §5.1: more emailIds than maxObjectsInGet answers requestTooLarge', async ({ account }) => {
    const max = account.session.capabilities['urn:ietf:params:jmap:core'].maxObjectsInGet;
    expectMethodError(
      await account.invoke('SearchSnippet/get', {
        accountId: account.accountId,
        filter: { text: 'x' },
        emailIds: Array.from({ length: max + 1 }, (_, i) => `E${i}`),
      }),
      'requestTooLarge',
    );
  });

  test('RFC 8621 §5.1: with a null filter there is nothing to highlight: subject and preview are null', async ({
    account,
  }) => {
    const { inbox } = await mailboxesByRole(account);
    const email = await importMessage(account, rfc822({ subject: 'No filter' }), [inbox!]);
    const { list } = await account.ok<Snippets>('SearchSnippet/get', {
      accountId: account.accountId,
      filter: null,
      emailIds: [email.id],
    });
    expect(list).toEqual([{ emailId: email.id, subject: null, preview: null }]);
  });
});
