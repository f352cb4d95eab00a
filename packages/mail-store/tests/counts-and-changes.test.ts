import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmailId, Mailbox, MailboxCounts } from '../src/index.js';
import { CannotCalculateChangesError, StoreError } from '../src/index.js';
import { createTestStore, message, type TestStore } from './helpers.js';

let t: TestStore;
beforeEach(async () => {
  t = await createTestStore();
});
afterEach(async () => t.cleanup());

async function importInto(
  mailboxes: Mailbox[],
  subject: string,
  extra: { keywords?: string[]; inReplyTo?: string; id?: string } = {},
) {
  const headers: Record<string, string> = {
    Subject: subject,
    'Message-ID': `<${extra.id ?? subject.replace(/\W/g, '')}@x>`,
  };
  if (extra.inReplyTo) headers['In-Reply-To'] = `<${extra.inReplyTo}@x>`;
  return t.store.importMessage(t.account.id, {
    raw: message(headers, subject),
    mailboxIds: mailboxes.map((m) => m.id),
    keywords: extra.keywords ?? [],
  });
}

/** RFC 8621 §2 counts recomputed from the emails themselves, for comparison with the maintained ones. */
async function recount(mailbox: Mailbox): Promise<MailboxCounts> {
  const { ids } = await t.store.queryEmails(t.account.id, { filter: { inMailbox: mailbox.id } });
  const emails = await t.store.getEmails(t.account.id, ids);
  const unread = emails.filter((e) => !e.keywords.includes('$seen') && !e.keywords.includes('$draft'));
  return {
    totalEmails: emails.length,
    unreadEmails: unread.length,
    totalThreads: new Set(emails.map((e) => e.threadId)).size,
    unreadThreads: new Set(unread.map((e) => e.threadId)).size,
  };
}

describe('mailbox counts (RFC 8621 §2)', () => {
  it('counts emails and threads, unread meaning neither $seen nor $draft', async () => {
    const first = await importInto([t.inbox], 'Plans', { id: 'p1' });
    await importInto([t.inbox], 'Re: Plans', { id: 'p2', inReplyTo: 'p1', keywords: ['$seen'] });
    await importInto([t.inbox], 'Draft', { keywords: ['$draft'] });
    const counts = (await t.store.getMailboxCounts(t.account.id, [t.inbox.id])).get(t.inbox.id);
    expect(counts).toEqual({ totalEmails: 3, unreadEmails: 1, totalThreads: 2, unreadThreads: 1 });
    await t.store.setKeywords(t.account.id, first.id, ['$seen']);
    expect((await t.store.getMailboxCounts(t.account.id, [t.inbox.id])).get(t.inbox.id)).toMatchObject({
      unreadEmails: 0,
      unreadThreads: 0,
    });
  });

  it('keeps every mailbox of an email in step, whatever the order of writes', async () => {
    const archive = await t.store.createMailbox(t.account.id, { name: 'Archive', role: 'archive' });
    const work = await t.store.createMailbox(t.account.id, { name: 'Work' });
    const boxes = [t.inbox, archive, work];
    // A fixed pseudo-random sequence of imports (some replies) and keyword changes.
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const ids: EmailId[] = [];
    for (let i = 0; i < 40; i++) {
      if (ids.length > 0 && next(3) === 0) {
        const id = ids[next(ids.length)]!;
        await t.store.setKeywords(
          t.account.id,
          id,
          [['$seen'], [], ['$draft'], ['$flagged', '$seen']][next(4)]!,
        );
      } else {
        const into = boxes.filter(() => next(2) === 0);
        const parent = next(2) === 0 && i > 0 ? `m${next(i)}` : undefined;
        const subject = parent ? `Re: topic ${parent}` : `topic m${i}`;
        const email = await importInto(into.length > 0 ? into : [work], subject, {
          id: `m${i}`,
          inReplyTo: parent,
          keywords: next(2) ? ['$seen'] : [],
        });
        ids.push(email.id);
      }
    }
    const counts = await t.store.getMailboxCounts(
      t.account.id,
      boxes.map((b) => b.id),
    );
    for (const box of boxes) expect(counts.get(box.id)).toEqual(await recount(box));
  });

  it('leaves out mailboxes of other accounts', async () => {
    const bob = await t.store.createAccount({
      email: 'bob@example.test',
      displayName: 'Bob',
      passwordHash: 'x',
    });
    expect((await t.store.getMailboxCounts(bob.id, [t.inbox.id])).size).toBe(0);
  });
});

describe('change log (RFC 8620 §5.2)', () => {
  it('logs an import as Email created, Thread created or updated, and its Mailboxes updated', async () => {
    const states = async () => ({
      Email: await t.store.getState(t.account.id, 'Email'),
      Thread: await t.store.getState(t.account.id, 'Thread'),
      Mailbox: await t.store.getState(t.account.id, 'Mailbox'),
    });
    const before = await states();
    const first = await importInto([t.inbox], 'Hello', { id: 'h1' });
    const middle = await states();
    const reply = await importInto([t.inbox], 'Re: Hello', { id: 'h2', inReplyTo: 'h1' });
    expect(reply.threadId).toBe(first.threadId);
    expect(await t.store.getChanges(t.account.id, 'Email', before.Email)).toMatchObject({
      created: [first.id, reply.id],
      updated: [],
    });
    expect(await t.store.getChanges(t.account.id, 'Thread', before.Thread)).toMatchObject({
      created: [first.threadId],
      updated: [],
    });
    expect(await t.store.getChanges(t.account.id, 'Thread', middle.Thread)).toMatchObject({
      created: [],
      updated: [first.threadId],
    });
    expect(await t.store.getChanges(t.account.id, 'Mailbox', middle.Mailbox)).toMatchObject({
      created: [],
      updated: [t.inbox.id],
    });
  });

  it('logs keyword changes; a change of unread state also updates mailboxes and thread', async () => {
    const email = await importInto([t.inbox], 'Flags');
    const mailboxState = await t.store.getState(t.account.id, 'Mailbox');
    const emailState = await t.store.getState(t.account.id, 'Email');
    await t.store.setKeywords(t.account.id, email.id, ['$flagged']);
    expect(await t.store.getState(t.account.id, 'Mailbox')).toBe(mailboxState);
    await t.store.setKeywords(t.account.id, email.id, ['$flagged']);
    await t.store.setKeywords(t.account.id, email.id, ['$flagged', '$seen']);
    expect((await t.store.getChanges(t.account.id, 'Mailbox', mailboxState)).updated).toEqual([t.inbox.id]);
    const changes = await t.store.getChanges(t.account.id, 'Email', emailState);
    expect(changes).toMatchObject({ created: [], updated: [email.id], destroyed: [], hasMoreChanges: false });
    expect(Number(changes.newState) - Number(emailState)).toBe(2); // the no-op write logged nothing
  });

  it('pages by maxChanges exactly, even inside one write that changed several objects', async () => {
    const boxes = await Promise.all(
      ['A', 'B', 'C', 'D'].map((name) => t.store.createMailbox(t.account.id, { name })),
    );
    const since = await t.store.getState(t.account.id, 'Mailbox');
    await importInto(boxes, 'Everywhere');
    const seen = new Set<string>();
    let state = since;
    for (let page = 0; page < 10; page++) {
      const changes = await t.store.getChanges(t.account.id, 'Mailbox', state, 3);
      expect(changes.created.length + changes.updated.length + changes.destroyed.length).toBeLessThanOrEqual(
        3,
      );
      for (const id of changes.updated) seen.add(id);
      state = changes.newState;
      if (!changes.hasMoreChanges) break;
    }
    expect(seen).toEqual(new Set(boxes.map((b) => b.id)));
    expect(state).toBe(await t.store.getState(t.account.id, 'Mailbox'));
  });

  it('reports no changes from the current state, and refuses states it never issued', async () => {
    await importInto([t.inbox], 'x');
    const now = await t.store.getState(t.account.id, 'Email');
    expect(await t.store.getChanges(t.account.id, 'Email', now)).toEqual({
      oldState: now,
      newState: now,
      hasMoreChanges: false,
      created: [],
      updated: [],
      destroyed: [],
    });
    for (const bad of [String(Number(now) + 1), '-1', '1.5', '', 'abc', '9'.repeat(40)]) {
      const error = await t.store.getChanges(t.account.id, 'Email', bad).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CannotCalculateChangesError);
      expect(error).toBeInstanceOf(StoreError);
    }
  });

  it('keeps states per account', async () => {
    const bob = await t.store.createAccount({
      email: 'bob@example.test',
      displayName: 'Bob',
      passwordHash: 'x',
    });
    await importInto([t.inbox], 'only alice');
    expect(await t.store.getState(bob.id, 'Email')).toBe('0');
    expect(await t.store.getState(t.account.id, 'Email')).not.toBe('0');
  });
});
