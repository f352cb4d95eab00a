import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, message, type TestStore } from './helpers.js';

let t: TestStore;
beforeEach(async () => {
  t = await createTestStore();
});
afterEach(async () => t.cleanup());

const importMessage = (headers: Record<string, string>, receivedDay = 1) =>
  t.store.importMessage(t.account.id, {
    raw: message(headers, 'body'),
    mailboxIds: [t.inbox.id],
    receivedAt: new Date(Date.UTC(2026, 2, receivedDay)),
  });

describe('threading', () => {
  it('joins a parent that arrives after its reply', async () => {
    const reply = await importMessage(
      { Subject: 'Re: Offsite', 'Message-ID': '<r@x>', 'In-Reply-To': '<o@x>' },
      2,
    );
    const original = await importMessage({ Subject: 'Offsite', 'Message-ID': '<o@x>' }, 1);
    expect(original.threadId).toBe(reply.threadId);
    expect(await t.store.getThreadEmailIds(t.account.id, reply.threadId)).toEqual([original.id, reply.id]);
  });

  it('matches subjects across list tags and localised reply prefixes', async () => {
    const first = await importMessage({ Subject: '[team] Release notes', 'Message-ID': '<n1@x>' });
    const reply = await importMessage({
      Subject: 'AW: [team] Release notes',
      'Message-ID': '<n2@x>',
      References: '<n1@x>',
    });
    expect(reply.threadId).toBe(first.threadId);
  });

  it('keeps messages without references, or with another account’s ids, in threads of their own', async () => {
    const a = await importMessage({ Subject: 'Same subject' });
    const b = await importMessage({ Subject: 'Same subject' });
    expect(a.threadId).not.toBe(b.threadId);
    const bob = await t.store.createAccount({
      email: 'bob@example.test',
      displayName: 'Bob',
      passwordHash: 'x',
    });
    const bobInbox = await t.store.createMailbox(bob.id, { name: 'Inbox', role: 'inbox' });
    const original = await importMessage({ Subject: 'Shared', 'Message-ID': '<s@x>' });
    const bobs = await t.store.importMessage(bob.id, {
      raw: message({ Subject: 'Re: Shared', 'In-Reply-To': '<s@x>' }, 'reply'),
      mailboxIds: [bobInbox.id],
    });
    expect(bobs.threadId).not.toBe(original.threadId);
    expect(await t.store.getThreadEmailIds(bob.id, original.threadId)).toEqual([]);
  });
});
