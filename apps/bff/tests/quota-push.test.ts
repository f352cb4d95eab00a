import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANN, PASSWORD, basic, startTestColibri } from './support/colibri.js';
import type { Fixture, TestColibri } from './support/colibri.js';
import { sendMail } from './support/mail-client.js';
import { SseReader, jmapApi } from './support/push-client.js';

// RFC 9425 §4 with RFC 8620 §7.3: Quota has no change log of its own (its state is the usage
// snapshot), yet a client that pushes on Quota must hear when a delivery moves the usage.

let colibri: TestColibri & { fixture: Fixture };
const ann = basic(ANN, PASSWORD);
const QUOTA_USING = ['urn:ietf:params:jmap:core', 'urn:ietf:params:jmap:quota'];

beforeAll(async () => {
  const started = await startTestColibri({
    async seed(store, fixture) {
      await store.setQuota(fixture.ann.accountId, { maxEmails: 100, maxBytes: 10_000_000 });
    },
  });
  if (!started.fixture) throw new Error('no fixture');
  colibri = { ...started, fixture: started.fixture };
});
afterAll(() => colibri.stop());

async function quotaState(): Promise<{ state: string; used: number[] }> {
  const [[, result]] = (await jmapApi(
    colibri.httpUrl,
    ann,
    [['Quota/get', { accountId: colibri.fixture.ann.accountId, ids: null }, 'q']],
    QUOTA_USING,
  )) as [[string, { state: string; list: { used: number }[] }, string]];
  return { state: result.state, used: result.list.map((q) => q.used) };
}

describe('RFC 9425 §4: Quota state changes are pushed', () => {
  it('a delivery pushes the new Quota state, the one Quota/get then answers', async () => {
    const before = await quotaState();
    const response = await fetch(`${colibri.httpUrl}/jmap/eventsource?types=Quota&closeafter=state&ping=0`, {
      headers: { Authorization: ann },
    });
    const events = new SseReader(response);
    await sendMail(colibri.smtpPort, { from: 'dora@example.net', to: ANN, subject: 'Counts', text: 'Hi.' });

    const event = await events.next(3000);
    expect(event?.event).toBe('state');
    const change = JSON.parse(event?.data ?? '') as { changed: Record<string, Record<string, string>> };
    const after = await quotaState();
    expect(after.state).not.toBe(before.state);
    expect(after.used[0]).toBe(before.used[0]! + 1);
    expect(change.changed[colibri.fixture.ann.accountId]).toEqual({ Quota: after.state });
  });
});
