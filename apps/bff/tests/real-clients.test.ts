import { EventSource } from 'eventsource';
import { Client as JmapClientTs } from 'jmap-client-ts';
import { FetchTransport } from 'jmap-client-ts/lib/utils/fetch-transport.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANN, BEN, PASSWORD, login, mime, startTestColibri } from './support/colibri.js';
import type { TestColibri } from './support/colibri.js';
import { inboxOf } from './support/mail-client.js';

// Two public JMAP clients from npm, unchanged, against the running server over HTTP: what works
// here works for any client written to RFC 8620/8621, not just for our own.
let colibri: TestColibri;
let token: string;

/**
 * What these tests use of jmap-jam, typed here: its own types import a package (jmap-rfc-types)
 * that ships raw .ts files, which this repository's strict compile cannot take. Loaded by a
 * specifier TypeScript does not resolve; at run time it is the real client.
 */
type Invocation = [string, Record<string, unknown>];
type Result = Record<string, unknown>;
/** A call in a `requestMany` builder; `$ref` makes a result reference (RFC 8620 §3.7). */
interface JamCall {
  $ref(path: string): unknown;
}
interface JamBuilder {
  Email: { query(args: Result): JamCall; get(args: Result): JamCall };
}
interface Jam {
  getPrimaryAccount(): Promise<string>;
  request(call: Invocation, options?: { using?: string[] }): Promise<[Result, unknown]>;
  requestMany<T extends Record<string, JamCall>>(
    build: (t: JamBuilder) => T,
  ): Promise<[Record<keyof T, Result>, unknown]>;
  uploadBlob(accountId: string, blob: Blob): Promise<{ blobId: string }>;
  /** `new EventSource(url)` on the session's eventSourceUrl: the platform's global. */
  connectEventSource(options: { types: string[] | '*'; ping: number }): Promise<EventSource>;
}
const jamModule: string = 'jmap-jam';
async function jamClient(options: { sessionUrl: string; bearerToken: string }): Promise<Jam> {
  const { default: JamClient } = (await import(jamModule)) as { default: new (o: typeof options) => Jam };
  return new JamClient(options);
}

beforeAll(async () => {
  colibri = await startTestColibri({
    seed: async (store, fixture) => {
      for (const n of [1, 2, 3])
        await store.importMessage(fixture.ann.accountId, {
          raw: await mime({ from: BEN, to: ANN, subject: `Report ${n}`, text: `Figures ${n}.` }),
          mailboxIds: [fixture.ann.inboxId],
        });
    },
  });
  const { cookie, csrfToken } = await login(colibri.httpUrl, ANN, PASSWORD);
  const created = await fetch(`${colibri.httpUrl}/auth/tokens`, {
    method: 'POST',
    headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken },
  });
  token = ((await created.json()) as { token: string }).token;
});
afterAll(() => colibri.stop());

const sessionUrl = () => `${colibri.httpUrl}/.well-known/jmap`;

/**
 * Node 20 has no global EventSource, which jmap-jam's push uses: the `eventsource` package is that
 * global here, sending the client's Bearer token as a Node application would (a browser's sends
 * the session cookie instead).
 */
async function withGlobalEventSource<T>(bearerToken: string, run: () => Promise<T>): Promise<T> {
  class BearerEventSource extends EventSource {
    constructor(url: string | URL) {
      super(url, {
        fetch: (input, init) =>
          fetch(input, { ...init, headers: { ...init.headers, Authorization: `Bearer ${bearerToken}` } }),
      });
    }
  }
  const platform = globalThis as { EventSource?: unknown };
  const before = platform.EventSource;
  platform.EventSource = BearerEventSource;
  try {
    return await run();
  } finally {
    platform.EventSource = before;
  }
}

/** The next `state` event (RFC 8620 §7.3) whose Email state differs from `since`. */
function nextEmailState(source: EventSource, accountId: string, since: string): Promise<string> {
  return new Promise((resolve, reject) => {
    source.addEventListener('state', (event) => {
      const change = JSON.parse(event.data) as { changed: Record<string, Record<string, string>> };
      const state = change.changed[accountId]?.['Email'];
      if (state !== undefined && state !== since) resolve(state);
    });
    source.addEventListener('error', (event) => reject(new Error(`EventSource failed: ${event.message}`)));
  });
}

describe('jmap-client-ts 1.0.0 (RFC 8620 §2, §5; RFC 8621 §2, §4)', () => {
  it('reads mailboxes and mail, flags and moves an email, and follows Email/changes', async () => {
    const client = new JmapClientTs({
      sessionUrl: sessionUrl(),
      accessToken: token,
      transport: new FetchTransport(fetch as never),
    });
    await client.fetchSession();
    const accountId = client.getFirstAccountId();
    const mailboxes = await client.mailbox_get({ accountId, ids: null });
    const inbox = mailboxes.list.find((m) => m.role === 'inbox')!;
    expect(inbox.totalEmails).toBe(3);

    const query = await client.email_query({
      accountId,
      filter: { inMailbox: inbox.id },
      sort: [{ property: 'receivedAt', isAscending: false }],
    });
    expect(query.ids).toHaveLength(3);
    const emails = await client.email_get({ accountId, ids: query.ids, properties: ['subject', 'keywords'] });
    expect(emails.list.map((e) => e.subject).sort()).toEqual(['Report 1', 'Report 2', 'Report 3']);
    const since = emails.state;

    const created = await client.mailbox_set({ accountId, create: { p: { name: 'Projects' } } });
    const projects = created.created!['p']!.id;
    const [first, second] = query.ids as [string, string];
    const set = await client.email_set({
      accountId,
      update: {
        [first]: { 'keywords/$flagged': true },
        [second]: { mailboxIds: { [projects]: true } },
      },
    });
    expect(Object.keys(set.updated ?? {}).sort()).toEqual([first, second].sort());

    const changes = await client.email_changes({ accountId, sinceState: since });
    expect([...changes.updated].sort()).toEqual([first, second].sort());
    const after = await client.email_get({
      accountId,
      ids: [first, second],
      properties: ['keywords', 'mailboxIds'],
    });
    const byId = new Map(after.list.map((e) => [e.id, e]));
    expect(byId.get(first)!.keywords).toMatchObject({ $flagged: true });
    expect(byId.get(second)!.mailboxIds).toEqual({ [projects]: true });
  });
});

describe('jmap-jam 0.13.1 (RFC 8620 §3.7, §6.1, §7.3; RFC 8621 §4.8, §7.5)', () => {
  it('hears an Email change on its EventSource and follows it with Email/changes', async () => {
    const jam = await jamClient({ sessionUrl: sessionUrl(), bearerToken: token });
    const accountId = await jam.getPrimaryAccount();
    const [before] = await jam.request(['Email/query', { accountId, limit: 1 }]);
    const emailId = (before.ids as string[])[0]!;
    const [got] = await jam.request(['Email/get', { accountId, ids: [emailId], properties: ['keywords'] }]);
    const since = got.state as string;
    // A change whatever an earlier test did to this email.
    const seen = (got.list as { keywords: Record<string, boolean> }[])[0]!.keywords['$seen'] === true;

    const source = await withGlobalEventSource(token, () =>
      jam.connectEventSource({ types: ['Email'], ping: 0 }),
    );
    try {
      await new Promise((resolve, reject) => {
        source.addEventListener('open', resolve);
        source.addEventListener('error', reject);
      });
      const pushed = nextEmailState(source, accountId, since);
      await jam.request([
        'Email/set',
        { accountId, update: { [emailId]: { 'keywords/$seen': seen ? null : true } } },
      ]);
      const newState = await pushed;

      const [changes] = await jam.request(['Email/changes', { accountId, sinceState: since }]);
      expect(changes.updated).toEqual([emailId]);
      expect(changes.newState).toBe(newState);
    } finally {
      source.close();
    }
  });

  it('queries with a result reference, uploads and imports a draft, and sends it to Ben', async () => {
    const jam = await jamClient({ sessionUrl: sessionUrl(), bearerToken: token });
    const accountId = await jam.getPrimaryAccount();
    const [mailboxes] = await jam.request(['Mailbox/get', { accountId, ids: null }]);
    const inbox = (mailboxes.list as { id: string; role: string | null }[]).find((m) => m.role === 'inbox')!;

    const [{ query, emails }] = await jam.requestMany((t) => {
      const query = t.Email.query({ accountId, filter: { inMailbox: inbox.id }, limit: 2 });
      const emails = t.Email.get({ accountId, ids: query.$ref('/ids'), properties: ['subject'] });
      return { query, emails };
    });
    expect(query.ids).toHaveLength(2);
    expect(emails.list).toHaveLength(2);

    const raw = `From: ${ANN}\r\nTo: ${BEN}\r\nSubject: Sent by jam\r\nMessage-ID: <jam@fixture.test>\r\n\r\nHello.\r\n`;
    const upload = await jam.uploadBlob(accountId, new Blob([raw], { type: 'message/rfc822' }));
    const [identities] = await jam.request(['Identity/get', { accountId }], {
      using: ['urn:ietf:params:jmap:submission'],
    });
    const identity = (identities.list as { id: string; email: string }[]).find((i) => i.email === ANN)!;
    const [imported] = await jam.request([
      'Email/import',
      {
        accountId,
        emails: {
          d: { blobId: upload.blobId, mailboxIds: { [inbox.id]: true }, keywords: { $draft: true } },
        },
      },
    ]);
    const draftId = (imported.created as Record<string, { id: string }>)['d']!.id;
    const [submitted] = await jam.request(
      ['EmailSubmission/set', { accountId, create: { s: { identityId: identity.id, emailId: draftId } } }],
      { using: ['urn:ietf:params:jmap:submission'] },
    );
    expect(Object.keys(submitted.created as object)).toEqual(['s']);

    let subjects: (string | null)[] = [];
    for (const until = Date.now() + 5000; Date.now() < until;) {
      subjects = (await inboxOf(colibri, 'ben')).list.map((e) => e.subject);
      if (subjects.includes('Sent by jam')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(subjects).toContain('Sent by jam');
  });
});
