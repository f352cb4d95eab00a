import { ref } from '@colibri/jmap-client';
import type { JmapClient } from '@colibri/jmap-client';
import { Capability, Keyword, RequestErrorType } from '@colibri/jmap-types';
import type { Id, JmapResponse, ProblemDetails, Session } from '@colibri/jmap-types';
import type { APIRequestContext } from '@playwright/test';
import { basicAuth, expect, test } from '../support/colibri.js';

// Black-box JMAP checks against the real BFF over HTTP. They read carol's account, which no other
// spec changes (the browser journey uses alice, SMTP delivery targets bob).

/** Every id in a mailbox in the given order, paging in case the server caps `limit` (RFC 8620 §5.5). */
async function idsInMailbox(
  client: JmapClient,
  accountId: Id,
  mailboxId: Id,
  isAscending: boolean,
): Promise<Id[]> {
  const ids: Id[] = [];
  for (let page = 0; page < 50; page++) {
    const result = await client.call('Email/query', {
      accountId,
      filter: { inMailbox: mailboxId },
      sort: [{ property: 'receivedAt', isAscending }],
      position: ids.length,
      calculateTotal: true,
    });
    ids.push(...result.ids);
    if (result.ids.length === 0 || ids.length >= (result.total ?? 0)) return ids;
  }
  throw new Error('Email/query paging did not end after 50 pages.');
}

async function inboxOf(client: JmapClient): Promise<{ accountId: Id; inboxId: Id }> {
  const accountId = await client.primaryAccountId();
  const { list } = await client.call('Mailbox/get', { accountId, ids: null, properties: ['id', 'role'] });
  const inbox = list.find((mailbox) => mailbox.role === 'inbox');
  if (!inbox?.id) throw new Error('No mailbox with role inbox.');
  return { accountId, inboxId: inbox.id };
}

test.describe('JMAP session and authentication', () => {
  test('RFC 8620 §2: the Session has absolute URLs, the core limits and a primary mail account', async ({
    request,
    colibri,
  }) => {
    const response = await request.get('/.well-known/jmap', {
      headers: { Authorization: basicAuth(colibri.users.carol, colibri.demoPassword) },
    });
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^application\/json/);
    const session = (await response.json()) as Session;

    const core = session.capabilities[Capability.Core];
    for (const limit of [
      'maxSizeUpload',
      'maxConcurrentUpload',
      'maxSizeRequest',
      'maxConcurrentRequests',
      'maxCallsInRequest',
      'maxObjectsInGet',
      'maxObjectsInSet',
    ] as const) {
      expect(Number.isInteger(core[limit]) && core[limit] > 0, `core limit ${limit} = ${core[limit]}`).toBe(
        true,
      );
    }
    expect(Array.isArray(core.collationAlgorithms)).toBe(true);
    expect(Object.keys(session.capabilities)).toContain(Capability.Mail);

    expect(session.username).toBe(colibri.users.carol);
    const accountId = session.primaryAccounts[Capability.Mail];
    expect(accountId).toBeTruthy();
    const account = session.accounts[accountId ?? ''];
    expect(account).toMatchObject({ isPersonal: true, isReadOnly: false });
    expect(Object.keys(account?.accountCapabilities ?? {})).toContain(Capability.Mail);

    // Absolute URLs on the origin the client used, with the RFC's template variables.
    expect(session.apiUrl).toBe(`${colibri.baseURL}/jmap/api`);
    for (const url of [session.downloadUrl, session.uploadUrl, session.eventSourceUrl])
      expect(url.startsWith(`${colibri.baseURL}/`), url).toBe(true);
    for (const variable of ['{accountId}', '{blobId}', '{name}', '{type}'])
      expect(session.downloadUrl).toContain(variable);
    expect(session.uploadUrl).toContain('{accountId}');
    for (const variable of ['{types}', '{closeafter}', '{ping}'])
      expect(session.eventSourceUrl).toContain(variable);
    expect(typeof session.state).toBe('string');
    expect(session.state.length).toBeGreaterThan(0);
  });

  test('RFC 8620 §8.2, RFC 7617: Basic auth opens the API without cookie or CSRF token; a wrong password gets 401', async ({
    request,
    colibri,
  }) => {
    const api = await request.post('/jmap/api', {
      headers: { Authorization: basicAuth(colibri.users.carol, colibri.demoPassword) },
      data: { using: [Capability.Core], methodCalls: [['Core/echo', { hello: 'colibri' }, 'c0']] },
    });
    expect(api.status()).toBe(200);
    const body = (await api.json()) as JmapResponse;
    expect(typeof body.sessionState).toBe('string');
    // RFC 8620 §4.1: Core/echo returns its arguments unchanged.
    expect(body.methodResponses).toEqual([['Core/echo', { hello: 'colibri' }, 'c0']]);

    // An address nobody else logs in as, so failed-login throttling cannot touch the other specs.
    const wrong = await request.get('/.well-known/jmap', {
      headers: { Authorization: basicAuth('nobody@colibri.test', 'not-the-password') },
    });
    expect(wrong.status()).toBe(401);
    expect(wrong.headers()['www-authenticate']).toMatch(/^Basic realm="Colibri"/);
  });

  test('RFC 8620 §8.2, RFC 7235 §3.1: unauthenticated requests get 401 with a WWW-Authenticate challenge', async ({
    request,
  }) => {
    const session = await request.get('/.well-known/jmap');
    expect(session.status()).toBe(401);
    expect(session.headers()['www-authenticate']).toMatch(/^Basic realm="Colibri"/);

    const api = await request.post('/jmap/api', { data: { using: [Capability.Core], methodCalls: [] } });
    expect(api.status()).toBe(401);
    expect(api.headers()['www-authenticate']).toMatch(/^Basic realm="Colibri"/);
  });
});

test.describe('JMAP request-level errors', () => {
  async function problemFor(
    request: APIRequestContext,
    authorization: string,
    body: string,
  ): Promise<{ status: number; contentType: string; problem: ProblemDetails }> {
    const response = await request.post('/jmap/api', {
      headers: { Authorization: authorization, 'Content-Type': 'application/json' },
      data: body,
    });
    return {
      status: response.status(),
      contentType: response.headers()['content-type'] ?? '',
      problem: (await response.json()) as ProblemDetails,
    };
  }

  test('RFC 8620 §3.6.1: a body that is not JSON gets a notJSON problem', async ({ request, colibri }) => {
    const { status, contentType, problem } = await problemFor(
      request,
      basicAuth(colibri.users.carol, colibri.demoPassword),
      '{"using": [',
    );
    expect(status).toBe(400);
    expect(contentType).toMatch(/^application\/problem\+json/);
    expect(problem).toMatchObject({ type: RequestErrorType.NotJSON, status: 400 });
  });

  test('RFC 8620 §3.6.1: JSON that is not a Request object gets a notRequest problem', async ({
    request,
    colibri,
  }) => {
    const { status, contentType, problem } = await problemFor(
      request,
      basicAuth(colibri.users.carol, colibri.demoPassword),
      '{"using": "mail", "methodCalls": 3}',
    );
    expect(status).toBe(400);
    expect(contentType).toMatch(/^application\/problem\+json/);
    expect(problem).toMatchObject({ type: RequestErrorType.NotRequest, status: 400 });
  });

  test('RFC 8620 §3.6.1: an unknown capability in "using" gets an unknownCapability problem', async ({
    request,
    colibri,
  }) => {
    const body = JSON.stringify({
      using: [Capability.Core, 'urn:example:not-a-capability'],
      methodCalls: [['Mailbox/get', { accountId: null }, 'c0']],
    });
    const { status, contentType, problem } = await problemFor(
      request,
      basicAuth(colibri.users.carol, colibri.demoPassword),
      body,
    );
    expect(status).toBe(400);
    expect(contentType).toMatch(/^application\/problem\+json/);
    expect(problem).toMatchObject({ type: RequestErrorType.UnknownCapability, status: 400 });
  });
});

test.describe('JMAP Mail', () => {
  test('RFC 8621 §2: Mailbox/get lists the Inbox with role inbox and its true unread count', async ({
    colibri,
    jmapAs,
  }) => {
    const client = jmapAs(colibri.users.carol);
    const accountId = await client.primaryAccountId();
    const { list } = await client.call('Mailbox/get', { accountId, ids: null });

    const inboxes = list.filter((mailbox) => mailbox.role === 'inbox');
    expect(inboxes).toHaveLength(1);
    const inbox = inboxes[0];
    if (!inbox?.id) throw new Error('No Inbox.');
    expect(inbox).toMatchObject({ name: 'Inbox', parentId: null });
    const roles = list.map((mailbox) => mailbox.role).filter((role) => role != null);
    expect(roles).toEqual(expect.arrayContaining(['inbox', 'drafts', 'sent', 'archive', 'trash', 'junk']));

    // §2: unreadEmails counts the Emails with neither $seen nor $draft.
    const ids = await idsInMailbox(client, accountId, inbox.id, false);
    expect(ids).toHaveLength(inbox.totalEmails ?? -1);
    const { list: emails } = await client.call('Email/get', { accountId, ids, properties: ['keywords'] });
    const unread = emails.filter(
      (email) => !email.keywords?.[Keyword.Seen] && !email.keywords?.[Keyword.Draft],
    ).length;
    expect(unread).toBeGreaterThan(0);
    expect(inbox.unreadEmails).toBe(unread);
  });

  test('RFC 8621 §4.4.2, RFC 8620 §3.7: Email/query in the Inbox sorted by receivedAt descending is newest first', async ({
    colibri,
    jmapAs,
  }) => {
    const client = jmapAs(colibri.users.carol);
    const { accountId, inboxId } = await inboxOf(client);

    // The first page and its list properties in one request, Email/get reading the query's ids.
    const { query, emails } = await client.request((b) => {
      const query = b.call('Email/query', {
        accountId,
        filter: { inMailbox: inboxId },
        sort: [{ property: 'receivedAt', isAscending: false }],
        limit: 50,
      });
      const emails = b.call('Email/get', {
        accountId,
        ids: ref(query, '/ids'),
        properties: ['receivedAt', 'subject', 'from'],
      });
      return { query, emails };
    });
    expect(query.ids.length).toBeGreaterThan(1);
    expect(emails.list.map((email) => email.id)).toEqual(query.ids);
    const firstPage = emails.list.map((email) => Date.parse(email.receivedAt ?? ''));
    for (let i = 1; i < firstPage.length; i++)
      expect(firstPage[i - 1]).toBeGreaterThanOrEqual(firstPage[i] ?? Infinity);

    // Newest first over the whole mailbox, not only within the page.
    const all = await idsInMailbox(client, accountId, inboxId, true);
    const { list } = await client.call('Email/get', { accountId, ids: all, properties: ['receivedAt'] });
    const newest = Math.max(...list.map((email) => Date.parse(email.receivedAt ?? '')));
    expect(firstPage[0]).toBe(newest);
  });
});
