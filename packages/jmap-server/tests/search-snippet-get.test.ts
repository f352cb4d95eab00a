import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixture, resultOf } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(() => f.close());

async function snippets(args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await f.call([['SearchSnippet/get', { accountId: f.alice.accountId, ...args }, 's']]);
  const [invocation] = response.methodResponses;
  return invocation?.[0] === 'error' ? { error: invocation[1] } : resultOf(response, 'SearchSnippet/get');
}

describe('SearchSnippet/get (RFC 8621 §5)', () => {
  it('marks the searched words in subject and preview', async () => {
    const e = f.emails;
    const result = await snippets({ filter: { text: 'lunch' }, emailIds: [e.lunchInvite.id, e.invoice.id] });
    expect(result).toMatchObject({ accountId: f.alice.accountId, notFound: null });
    const [lunch, invoice] = result.list as {
      emailId: string;
      subject: string | null;
      preview: string | null;
    }[];
    expect(lunch).toMatchObject({ emailId: e.lunchInvite.id, subject: '<mark>Lunch</mark> on Friday?' });
    expect(invoice).toEqual({ emailId: e.invoice.id, subject: null, preview: null });
  });

  it('answers notFound for unknown ids and other accounts, and requestTooLarge past the cap', async () => {
    const result = await snippets({
      filter: { text: 'lunch' },
      emailIds: ['Enope0000000000000', f.emails.invoice.id],
    });
    expect(result.notFound).toEqual(['Enope0000000000000']);
    expect(
      await snippets({ emailIds: Array.from({ length: 501 }, (_, i) => `E${String(i).padStart(16, '0')}`) }),
    ).toMatchObject({ error: { type: 'requestTooLarge' } });
    expect(await snippets({ filter: { colour: 'red' }, emailIds: [] })).toMatchObject({
      error: { type: 'invalidArguments' },
    });
  });
});
