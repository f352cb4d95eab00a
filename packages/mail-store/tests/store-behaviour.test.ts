import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMailStore, CannotCalculateChangesError } from '../src/index.js';
import { createTestStore, message, type TestStore } from './helpers.js';

let t: TestStore;
beforeEach(async () => {
  t = await createTestStore();
});
afterEach(async () => t.cleanup());

const at = (day: number) => new Date(Date.UTC(2026, 10, day, 12));

describe('threads', () => {
  it('threads a reply chain by References and In-Reply-To, and keeps unrelated mail apart', async () => {
    const first = await t.store.importMessage(t.account.id, {
      raw: message({ Subject: 'Budget 2027', 'Message-ID': '<b1@x>' }, 'Draft budget'),
      mailboxIds: [t.inbox.id],
    });
    const reply = await t.store.importMessage(t.account.id, {
      raw: message(
        { Subject: 'Re: Budget 2027', 'Message-ID': '<b2@x>', 'In-Reply-To': '<b1@x>' },
        'Looks good',
      ),
      mailboxIds: [t.inbox.id],
    });
    const replyToReply = await t.store.importMessage(t.account.id, {
      raw: message(
        { Subject: 'RE: Re: Budget 2027', 'Message-ID': '<b3@x>', References: '<b1@x> <b2@x>' },
        'Agreed',
      ),
      mailboxIds: [t.inbox.id],
    });
    const hijack = await t.store.importMessage(t.account.id, {
      raw: message(
        { Subject: 'Something else', 'Message-ID': '<b4@x>', 'In-Reply-To': '<b1@x>' },
        'Unrelated',
      ),
      mailboxIds: [t.inbox.id],
    });
    expect(reply.threadId).toBe(first.threadId);
    expect(replyToReply.threadId).toBe(first.threadId);
    expect(hijack.threadId).not.toBe(first.threadId);
    expect(await t.store.getThreadEmailIds(t.account.id, first.threadId)).toEqual([
      first.id,
      reply.id,
      replyToReply.id,
    ]);
  });
});

describe('queries and counts', () => {
  it('sorts newest first with position, limit and total', async () => {
    for (const day of [3, 1, 5, 2, 4]) {
      await t.store.importMessage(t.account.id, {
        raw: message({ Subject: `day ${day}` }, `body ${day}`),
        mailboxIds: [t.inbox.id],
        receivedAt: at(day),
      });
    }
    const page = await t.store.queryEmails(t.account.id, {
      filter: { inMailbox: t.inbox.id },
      position: 1,
      limit: 2,
    });
    expect(page.total).toBe(5);
    const emails = await t.store.getEmails(t.account.id, page.ids);
    expect(emails.map((e) => e.subject)).toEqual(['day 4', 'day 3']);
    const oldest = await t.store.queryEmails(t.account.id, {
      sort: [{ property: 'receivedAt', isAscending: true }],
      limit: 1,
    });
    expect((await t.store.getEmails(t.account.id, oldest.ids))[0]?.subject).toBe('day 1');
    const tail = await t.store.queryEmails(t.account.id, { position: -2 });
    expect(tail.position).toBe(3);
    expect(tail.ids).toHaveLength(2);
  });

  it('finds mail by full text and by keyword', async () => {
    await t.store.importMessage(t.account.id, {
      raw: message({ Subject: 'Invoice 42' }, 'Please pay'),
      mailboxIds: [t.inbox.id],
      keywords: ['$flagged'],
    });
    await t.store.importMessage(t.account.id, {
      raw: message({ Subject: 'Holiday' }, 'Photos from Brittany'),
      mailboxIds: [t.inbox.id],
    });
    const byText = await t.store.queryEmails(t.account.id, { filter: { text: 'britt' } });
    expect((await t.store.getEmails(t.account.id, byText.ids)).map((e) => e.subject)).toEqual(['Holiday']);
    const hostile = await t.store.queryEmails(t.account.id, { filter: { text: '"AND OR NOT * (' } });
    expect(hostile.total).toBe(0);
    const flagged = await t.store.queryEmails(t.account.id, { filter: { hasKeyword: '$flagged' } });
    expect(flagged.total).toBe(1);
  });

  it('counts unread emails and threads, and follows $seen', async () => {
    const a = await t.store.importMessage(t.account.id, {
      raw: message({ Subject: 'a' }, 'a'),
      mailboxIds: [t.inbox.id],
    });
    await t.store.importMessage(t.account.id, {
      raw: message({ Subject: 'b' }, 'b'),
      mailboxIds: [t.inbox.id],
      keywords: ['$seen'],
    });
    let counts = (await t.store.getMailboxCounts(t.account.id, [t.inbox.id])).get(t.inbox.id);
    expect(counts).toEqual({ totalEmails: 2, unreadEmails: 1, totalThreads: 2, unreadThreads: 1 });
    await t.store.setKeywords(t.account.id, a.id, ['$seen', '$Flagged']);
    counts = (await t.store.getMailboxCounts(t.account.id, [t.inbox.id])).get(t.inbox.id);
    expect(counts?.unreadEmails).toBe(0);
    expect((await t.store.getEmails(t.account.id, [a.id]))[0]?.keywords).toEqual(['$flagged', '$seen']);
    await expect(t.store.setKeywords(t.account.id, a.id, ['bad keyword'])).rejects.toThrow(/Invalid keyword/);
  });
});

describe('change log', () => {
  it('bumps per-type states in the write and reports changes since a state', async () => {
    const before = await t.store.getState(t.account.id, 'Email');
    const mailboxBefore = await t.store.getState(t.account.id, 'Mailbox');
    const a = await t.store.importMessage(t.account.id, {
      raw: message({ Subject: 'a' }, 'a'),
      mailboxIds: [t.inbox.id],
    });
    const b = await t.store.importMessage(t.account.id, {
      raw: message({ Subject: 'b' }, 'b'),
      mailboxIds: [t.inbox.id],
    });
    const middle = await t.store.getState(t.account.id, 'Email');
    await t.store.setKeywords(t.account.id, a.id, ['$seen']);
    const changes = await t.store.getChanges(t.account.id, 'Email', before);
    expect(changes.created.sort()).toEqual([a.id, b.id].sort());
    expect(changes.updated).toEqual([]);
    expect(changes.newState).toBe(await t.store.getState(t.account.id, 'Email'));
    const later = await t.store.getChanges(t.account.id, 'Email', middle);
    expect(later).toMatchObject({ created: [], updated: [a.id], destroyed: [], hasMoreChanges: false });
    const mailboxChanges = await t.store.getChanges(t.account.id, 'Mailbox', mailboxBefore);
    expect(mailboxChanges.updated).toEqual([t.inbox.id]);
  });

  it('pages changes with maxChanges at state boundaries', async () => {
    const before = await t.store.getState(t.account.id, 'Email');
    for (let i = 0; i < 3; i++) {
      await t.store.importMessage(t.account.id, {
        raw: message({ Subject: `m${i}` }, 'x'),
        mailboxIds: [t.inbox.id],
      });
    }
    const first = await t.store.getChanges(t.account.id, 'Email', before, 2);
    expect(first.created).toHaveLength(2);
    expect(first.hasMoreChanges).toBe(true);
    const rest = await t.store.getChanges(t.account.id, 'Email', first.newState, 2);
    expect(rest.created).toHaveLength(1);
    expect(rest.hasMoreChanges).toBe(false);
  });

  it('says explicitly when changes cannot be calculated', async () => {
    await expect(t.store.getChanges(t.account.id, 'Email', '999')).rejects.toBeInstanceOf(
      CannotCalculateChangesError,
    );
    await expect(t.store.getChanges(t.account.id, 'Email', 'garbage')).rejects.toBeInstanceOf(
      CannotCalculateChangesError,
    );
  });
});

describe('durability', () => {
  it('reopens an existing data folder without re-running migrations or losing data', async () => {
    await t.store.importMessage(t.account.id, {
      raw: message({ Subject: 'kept' }, 'kept'),
      mailboxIds: [t.inbox.id],
    });
    await t.store.setMeta('demo', 'seeded');
    await t.store.close();
    const reopened = await openMailStore({ dataDir: t.dataDir });
    try {
      expect(await reopened.getMeta('demo')).toBe('seeded');
      const account = await reopened.findAccountByEmail('alice@example.test');
      expect(account?.id).toBe(t.account.id);
      expect((await reopened.queryEmails(t.account.id, {})).total).toBe(1);
    } finally {
      await reopened.close();
    }
    t.store = await openMailStore({ dataDir: t.dataDir });
  });

  it('stores identical content once', async () => {
    const raw = message({ Subject: 'same' }, 'same bytes');
    const one = await t.store.importMessage(t.account.id, { raw, mailboxIds: [t.inbox.id] });
    const two = await t.store.importMessage(t.account.id, { raw, mailboxIds: [t.inbox.id] });
    expect(one.id).not.toBe(two.id);
    expect(one.blobId).toBe(two.blobId);
  });

  it('enforces unique roles and sane mailbox names', async () => {
    await expect(t.store.createMailbox(t.account.id, { name: 'Other inbox', role: 'inbox' })).rejects.toThrow(
      /already exists/,
    );
    await expect(t.store.createMailbox(t.account.id, { name: '   ' })).rejects.toThrow(/1 to 255/);
    const projects = await t.store.createMailbox(t.account.id, { name: 'Projects' });
    const child = await t.store.createMailbox(t.account.id, { name: 'Colibri', parentId: projects.id });
    expect(child.parentId).toBe(projects.id);
  });
});
