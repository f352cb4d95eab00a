import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestColibri } from './support/colibri.js';
import type { TestColibri } from './support/colibri.js';
import { inboxOf } from './support/mail-client.js';

/** How long after seeding the snooze is due; the server starts well within it. */
const SNOOZE_FOR_MS = 1_500;
const WAIT_LIMIT_MS = 10_000;

let colibri: TestColibri;

beforeAll(async () => {
  colibri = await startTestColibri({
    seed: async (store, fixture) => {
      const raw = new TextEncoder().encode(
        'From: dora@example.net\r\nTo: ann@fixture.test\r\nSubject: Remind me\r\n\r\nLater.\r\n',
      );
      const email = await store.importMessage(fixture.ann.accountId, {
        raw,
        mailboxIds: [fixture.ann.inboxId],
        keywords: ['$seen'],
        receivedAt: new Date('2024-01-01T00:00:00Z'),
      });
      await store.snoozeEmail(fixture.ann.accountId, email.id, new Date(Date.now() + SNOOZE_FOR_MS));
    },
  });
});
afterAll(() => colibri.stop());

describe('snooze scheduler', () => {
  it('brings a snoozed email back to the Inbox, unread and on top, when it is due', async () => {
    expect((await inboxOf(colibri, 'ann')).list.map((e) => e.subject)).not.toContain('Remind me');
    const started = Date.now();
    let list = (await inboxOf(colibri, 'ann')).list;
    while (!list.some((e) => e.subject === 'Remind me') && Date.now() - started < WAIT_LIMIT_MS) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      list = (await inboxOf(colibri, 'ann')).list;
    }
    expect(list[0]?.subject).toBe('Remind me');
    expect(list[0]?.keywords).toEqual({});
  });
});
