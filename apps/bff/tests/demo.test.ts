import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoSeedResult } from '../src/demo/seed-demo.js';
import { USING, basic, startTestColibri } from './support/colibri.js';

// The demo organisation, seeded by a real start on a fresh data folder, then a restart on the
// same folder. Read back over JMAP, as the web app and e2e see it.

const PASSWORD = 'demo-password-1';
const ALICE = basic('alice@colibri.test', PASSWORD);
let dataDir: string;
let url: string;
let stop: () => Promise<void>;
let firstSeeding: DemoSeedResult;

interface Email {
  id: string;
  subject: string;
  threadId: string;
  mailboxIds: Record<string, true>;
  keywords: Record<string, true>;
  messageId: string[] | null;
  inReplyTo: string[] | null;
  references: string[] | null;
  hasAttachment: boolean;
  attachments: { type: string; name: string | null }[];
  htmlBody: { type: string; partId: string | null }[];
  bodyValues: Record<string, { value: string }>;
}

async function call<T>(authorization: string, methodCalls: unknown[], using = USING): Promise<T[]> {
  const response = await fetch(`${url}/jmap/api`, {
    method: 'POST',
    headers: { Authorization: authorization, 'Content-Type': 'application/json' },
    body: JSON.stringify({ using, methodCalls }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { methodResponses: [string, T, string][] };
  return body.methodResponses.map(([name, args]) => {
    if (name === 'error') throw new Error(JSON.stringify(args));
    return args;
  });
}

async function mailboxes(authorization: string) {
  const session = (await (
    await fetch(`${url}/.well-known/jmap`, { headers: { Authorization: authorization } })
  ).json()) as { primaryAccounts: Record<string, string> };
  const accountId = session.primaryAccounts['urn:ietf:params:jmap:mail'] ?? '';
  const [get] = await call<{
    list: {
      id: string;
      name: string;
      role: string | null;
      parentId: string | null;
      totalEmails: number;
      unreadEmails: number;
    }[];
  }>(authorization, [['Mailbox/get', { accountId, ids: null }, 'm']]);
  return { accountId, list: get?.list ?? [] };
}

async function allEmails(authorization: string): Promise<Email[]> {
  const { accountId } = await mailboxes(authorization);
  const [, get] = await call<{ list: Email[] }>(authorization, [
    ['Email/query', { accountId, limit: 1000 }, 'q'],
    [
      'Email/get',
      {
        accountId,
        '#ids': { resultOf: 'q', name: 'Email/query', path: '/ids' },
        properties: [
          'subject',
          'threadId',
          'mailboxIds',
          'keywords',
          'messageId',
          'inReplyTo',
          'references',
          'hasAttachment',
          'attachments',
          'htmlBody',
          'bodyValues',
        ],
        fetchHTMLBodyValues: true,
      },
      'g',
    ],
  ]);
  return get?.list ?? [];
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'colibri-demo-'));
  const first = await startTestColibri({ dataDir, demo: true });
  firstSeeding = first.demo;
  url = first.httpUrl;
  stop = () => first.stop();
}, 60_000);
afterAll(async () => {
  await stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the demo organisation', () => {
  it('creates alice, bob and carol with the configured password and a few hundred messages for alice', async () => {
    expect(firstSeeding.seeded).toBe(true);
    expect(firstSeeding.generatedPassword).toBeNull();
    expect(firstSeeding.messages.alice).toBeGreaterThanOrEqual(200);
    expect(firstSeeding.messages.bob).toBeGreaterThan(20);
    expect(firstSeeding.messages.carol).toBeGreaterThan(20);
    for (const user of ['bob', 'carol']) {
      expect(
        (
          await fetch(`${url}/.well-known/jmap`, {
            headers: { Authorization: basic(`${user}@colibri.test`, PASSWORD) },
          })
        ).status,
      ).toBe(200);
    }
  });

  it('gives every user the role mailboxes and the nested user folders, with unread mail in the Inbox', async () => {
    const { list } = await mailboxes(ALICE);
    const roles = list.map((m) => m.role).filter((r) => r !== null);
    expect(roles.sort()).toEqual(['archive', 'drafts', 'inbox', 'junk', 'sent', 'trash']);
    const projects = list.find((m) => m.name === 'Projects');
    expect(list.find((m) => m.name === 'Colibri')?.parentId).toBe(projects?.id);
    expect(list.map((m) => m.name)).toContain('Receipts');
    const inbox = list.find((m) => m.role === 'inbox');
    expect(inbox?.totalEmails).toBeGreaterThan(30);
    expect(inbox?.unreadEmails).toBeGreaterThan(0);
    expect(list.find((m) => m.role === 'sent')?.totalEmails).toBeGreaterThan(10);
    expect(list.find((m) => m.role === 'archive')?.totalEmails).toBeGreaterThan(10);
  });

  it('threads replies with In-Reply-To and References, and files alice’s replies in Sent', async () => {
    const emails = await allEmails(ALICE);
    const { list } = await mailboxes(ALICE);
    const sent = list.find((m) => m.role === 'sent')?.id ?? '';
    const replies = emails.filter((e) => e.mailboxIds[sent] && e.inReplyTo !== null);
    expect(replies.length).toBeGreaterThan(10);
    for (const reply of replies) {
      expect(reply.subject.startsWith('Re: ')).toBe(true);
      expect(reply.references?.at(-1)).toBe(reply.inReplyTo?.[0]);
    }
    // Whole conversations share a thread: some thread holds at least four messages.
    const perThread = new Map<string, number>();
    for (const e of emails) perThread.set(e.threadId, (perThread.get(e.threadId) ?? 0) + 1);
    expect(Math.max(...perThread.values())).toBeGreaterThanOrEqual(4);
    // What alice answered carries $answered.
    expect(emails.some((e) => e.keywords.$answered)).toBe(true);
    expect(emails.some((e) => e.keywords.$flagged)).toBe(true);
  });

  it('has PDF, PNG and iCalendar attachments, HTML mail, and the hostile HTML sample', async () => {
    const emails = await allEmails(ALICE);
    const types = new Set(emails.flatMap((e) => e.attachments.map((a) => a.type)));
    expect([...types]).toEqual(expect.arrayContaining(['application/pdf', 'image/png', 'application/ics']));
    const html = emails.filter((e) => e.htmlBody.some((p) => p.type === 'text/html'));
    expect(html.length).toBeGreaterThan(10);
    const hostile = html.filter((e) =>
      e.htmlBody.some((p) => p.partId !== null && /<script/i.test(e.bodyValues[p.partId]?.value ?? '')),
    );
    expect(hostile).toHaveLength(1);
    const value = Object.values(hostile[0]?.bodyValues ?? {})
      .map((v) => v.value)
      .join('');
    for (const danger of ['onerror=', 'javascript:', 'src="https://']) expect(value).toContain(danger);
    expect(hostile[0]?.keywords.$seen).toBeUndefined();
  });

  it('has two meeting rooms: location principals (RFC 9670 §2) that cannot log in', async () => {
    const session = (await (
      await fetch(`${url}/.well-known/jmap`, { headers: { Authorization: ALICE } })
    ).json()) as { primaryAccounts: Record<string, string> };
    const accountId = session.primaryAccounts['urn:ietf:params:jmap:mail'] ?? '';
    const [, get] = await call<{ ids?: string[]; list?: { name: string; email: string; type: string }[] }>(
      ALICE,
      [
        ['Principal/query', { accountId, filter: { type: 'location' } }, 'q'],
        [
          'Principal/get',
          { accountId, '#ids': { resultOf: 'q', name: 'Principal/query', path: '/ids' } },
          'g',
        ],
      ],
      [...USING, 'urn:ietf:params:jmap:principals'],
    );
    expect(get?.list?.map((p) => [p.name, p.email, p.type])).toEqual([
      ['Boardroom', 'boardroom@colibri.test', 'location'],
      ['Salle Azur', 'salle.azur@colibri.test', 'location'],
    ]);
    const login = await fetch(`${url}/.well-known/jmap`, {
      headers: { Authorization: basic('salle.azur@colibri.test', PASSWORD) },
    });
    expect(login.status).toBe(401);
  });

  it('is seeded once: a restart on the same data folder changes nothing', async () => {
    const before = await mailboxes(ALICE);
    await stop();
    const second = await startTestColibri({ dataDir, demo: true });
    url = second.httpUrl;
    stop = () => second.stop();
    expect(second.demo).toEqual({ seeded: false, generatedPassword: null, messages: {} });
    const after = await mailboxes(ALICE);
    expect(after.list.map((m) => [m.name, m.totalEmails, m.unreadEmails])).toEqual(
      before.list.map((m) => [m.name, m.totalEmails, m.unreadEmails]),
    );
  });
});
