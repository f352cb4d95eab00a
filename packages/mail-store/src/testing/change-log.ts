import { describe, expect, it } from 'vitest';
import type { Mailbox } from '../model.js';
import { useFixture, type Fixture, type MailStoreFactory } from './fixture.js';

function importInto({ importMail }: Fixture, mailboxes: Mailbox[], subject: string, inReplyTo?: string) {
  const headers: Record<string, string> = {
    Subject: subject,
    'Message-ID': `<${subject.replace(/\W/g, '')}@x>`,
  };
  if (inReplyTo) headers['In-Reply-To'] = `<${inReplyTo}@x>`;
  return importMail(headers, { mailboxIds: mailboxes.map((m) => m.id) });
}

async function states({ store, account }: Fixture) {
  return {
    Email: await store.getState(account.id, 'Email'),
    Thread: await store.getState(account.id, 'Thread'),
    Mailbox: await store.getState(account.id, 'Mailbox'),
  };
}

export function describeChangeLog(factory: MailStoreFactory): void {
  describe('change log (RFC 8620 §5.2)', () => {
    const f = useFixture(factory);

    it('logs an import as Email created, Thread created or updated, and its Mailboxes updated', async () => {
      const { store, account, inbox } = f();
      const before = await states(f());
      const first = await importInto(f(), [inbox], 'Hello');
      const middle = await states(f());
      for (const type of ['Email', 'Thread', 'Mailbox'] as const) expect(middle[type]).not.toBe(before[type]);
      const reply = await importInto(f(), [inbox], 'Re: Hello', 'Hello');
      expect(reply.threadId).toBe(first.threadId);
      expect(await store.getChanges(account.id, 'Email', before.Email)).toMatchObject({
        oldState: before.Email,
        newState: await store.getState(account.id, 'Email'),
        created: [first.id, reply.id],
        updated: [],
        destroyed: [],
        hasMoreChanges: false,
      });
      expect(await store.getChanges(account.id, 'Thread', before.Thread)).toMatchObject({
        created: [first.threadId],
        updated: [],
      });
      expect(await store.getChanges(account.id, 'Thread', middle.Thread)).toMatchObject({
        created: [],
        updated: [first.threadId],
      });
      expect(await store.getChanges(account.id, 'Mailbox', middle.Mailbox)).toMatchObject({
        created: [],
        updated: [inbox.id],
      });
    });

    it('logs a new mailbox as Mailbox created', async () => {
      const { store, account } = f();
      const before = await store.getState(account.id, 'Mailbox');
      const work = await store.createMailbox(account.id, { name: 'Work' });
      expect(await store.getChanges(account.id, 'Mailbox', before)).toMatchObject({
        created: [work.id],
        updated: [],
      });
    });

    it('collapses several changes of one object into one entry', async () => {
      const { store, account, inbox } = f();
      const before = await store.getState(account.id, 'Email');
      const a = await importInto(f(), [inbox], 'a');
      const b = await importInto(f(), [inbox], 'b');
      const middle = await store.getState(account.id, 'Email');
      await store.setKeywords(account.id, a.id, ['$seen']);
      await store.setKeywords(account.id, a.id, ['$flagged']);
      const all = await store.getChanges(account.id, 'Email', before);
      expect([...all.created].sort()).toEqual([a.id, b.id].sort());
      expect(all.updated).toEqual([]);
      expect(await store.getChanges(account.id, 'Email', middle)).toMatchObject({
        created: [],
        updated: [a.id],
        destroyed: [],
        hasMoreChanges: false,
      });
    });

    it('logs keyword changes; only a change of unread state updates mailboxes; a no-op logs nothing', async () => {
      const { store, account, inbox } = f();
      const email = await importInto(f(), [inbox], 'Flags');
      const mailboxState = await store.getState(account.id, 'Mailbox');
      await store.setKeywords(account.id, email.id, ['$flagged']);
      expect(await store.getState(account.id, 'Mailbox')).toBe(mailboxState);
      const emailState = await store.getState(account.id, 'Email');
      await store.setKeywords(account.id, email.id, ['$Flagged']);
      expect(await store.getState(account.id, 'Email')).toBe(emailState);
      await store.setKeywords(account.id, email.id, ['$flagged', '$seen']);
      expect((await store.getChanges(account.id, 'Mailbox', mailboxState)).updated).toEqual([inbox.id]);
      expect(await store.getChanges(account.id, 'Email', emailState)).toMatchObject({ updated: [email.id] });
    });

    it('pages by maxChanges, never above it, even inside one write that changed several objects', async () => {
      const { store, account } = f();
      const boxes = await Promise.all(
        ['A', 'B', 'C', 'D'].map((name) => store.createMailbox(account.id, { name })),
      );
      const since = await store.getState(account.id, 'Mailbox');
      await importInto(f(), boxes, 'Everywhere');
      for (const max of [1, 3]) {
        const seen = new Set<string>();
        let state = since;
        for (let page = 0; page < 10; page++) {
          const changes = await store.getChanges(account.id, 'Mailbox', state, max);
          const ids = [...changes.created, ...changes.updated, ...changes.destroyed];
          expect(ids.length).toBeLessThanOrEqual(max);
          expect(ids.length).toBeGreaterThan(0);
          for (const id of ids) seen.add(id);
          expect(changes.oldState).toBe(state);
          state = changes.newState;
          if (!changes.hasMoreChanges) break;
        }
        expect(seen).toEqual(new Set(boxes.map((b) => b.id)));
        expect(state).toBe(await store.getState(account.id, 'Mailbox'));
      }
    });

    it('pages created emails across writes', async () => {
      const { store, account, inbox } = f();
      const before = await store.getState(account.id, 'Email');
      for (const subject of ['m0', 'm1', 'm2']) await importInto(f(), [inbox], subject);
      const first = await store.getChanges(account.id, 'Email', before, 2);
      expect(first.created).toHaveLength(2);
      expect(first.hasMoreChanges).toBe(true);
      const rest = await store.getChanges(account.id, 'Email', first.newState, 2);
      expect(rest.created).toHaveLength(1);
      expect(rest.hasMoreChanges).toBe(false);
      expect(new Set([...first.created, ...rest.created]).size).toBe(3);
    });

    it('reports no changes from the current state, and refuses states it never issued', async () => {
      const { store, account, inbox } = f();
      await importInto(f(), [inbox], 'x');
      const now = await store.getState(account.id, 'Email');
      expect(await store.getChanges(account.id, 'Email', now)).toEqual({
        oldState: now,
        newState: now,
        hasMoreChanges: false,
        created: [],
        updated: [],
        destroyed: [],
      });
      for (const bad of ['-1', '1.5', '', 'garbage', '9'.repeat(40)]) {
        await expect(store.getChanges(account.id, 'Email', bad)).rejects.toMatchObject({
          code: 'cannotCalculateChanges',
        });
      }
    });

    it('keeps states per account', async () => {
      const { store, inbox, addAccount } = f();
      const bob = await addAccount('bob');
      const bobState = await store.getState(bob.account.id, 'Email');
      await importInto(f(), [inbox], 'only alice');
      expect(await store.getState(bob.account.id, 'Email')).toBe(bobState);
      expect(await store.getChanges(bob.account.id, 'Email', bobState)).toMatchObject({ created: [] });
    });
  });
}
