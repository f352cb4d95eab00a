import { openEventSource, until } from './support/event-source.js';
import { expect, test } from './support/fixtures.js';
import { expandTemplate } from './support/jmap-raw.js';
import { importMessage, mailboxesByRole, rfc822 } from './support/mail.js';

test.describe('RFC 8620 §7.3 push over EventSource', () => {
  test('RFC 8620 §7.3: a change is a "state" event with a StateChange; closeafter=state ends the stream', async ({
    account,
  }) => {
    // The mail types: with `*`, a colleague's account made meanwhile by another test (a
    // ContactCard change, the directory) could be the first state event.
    const stream = await openEventSource(account, {
      types: 'Email,Mailbox,Thread',
      closeafter: 'state',
      ping: '0',
    });
    expect(stream.status).toBe(200);
    expect(stream.contentType).toMatch(/^text\/event-stream/);
    const { inbox } = await mailboxesByRole(account);
    await importMessage(account, rfc822(), [inbox!]);
    const state = await until(stream, 'state');
    expect(state.data['@type']).toBe('StateChange');
    const changed = state.data.changed as Record<string, Record<string, string>>;
    expect(Object.keys(changed[account.accountId] ?? {})).toContain('Email');
    // With closeafter=state the server ends the response after that event.
    await stream.ended;
    expect(stream.events.filter((e) => e.event === 'state')).toHaveLength(1);
  });

  test('RFC 8620 §7.3: types limits the StateChange to the types asked for', async ({ account }) => {
    const stream = await openEventSource(account, { types: 'Mailbox', closeafter: 'state', ping: '0' });
    // First a change to Email alone (a keyword), then one to Mailbox.
    const { inbox } = await mailboxesByRole(account);
    const email = await importMessage(account, rfc822(), [inbox!], { keywords: { $seen: true } });
    await account.ok('Email/set', {
      accountId: account.accountId,
      update: { [email.id]: { 'keywords/custom': true } },
    });
    await account.ok('Mailbox/set', { accountId: account.accountId, create: { m: { name: 'Pushed' } } });
    const state = await until(stream, 'state');
    const changed = state.data.changed as Record<string, Record<string, string>>;
    expect(Object.keys(changed[account.accountId] ?? {})).toEqual(['Mailbox']);
    await stream.ended;
  });

  test('RFC 8620 §7.3: with ping, "ping" events carry the interval the server uses', async ({ account }) => {
    const stream = await openEventSource(account, { types: '*', closeafter: 'no', ping: '1' });
    try {
      // The server may clamp the interval (to a minimum), and says which one it uses.
      await expect
        .poll(() => stream.events.some((e) => e.event === 'ping'), { timeout: 15_000, intervals: [100] })
        .toBe(true);
      const ping = stream.events.find((e) => e.event === 'ping')!;
      expect(ping.data.interval).toEqual(expect.any(Number));
      expect(ping.data.interval as number).toBeGreaterThanOrEqual(1);
    } finally {
      stream.close();
      await stream.ended;
    }
  });

  test('RFC 8620 §7.3: the event source needs authentication', async ({ account, server }) => {
    const url = expandTemplate(account.session.eventSourceUrl, {
      types: '*',
      closeafter: 'state',
      ping: '0',
    });
    expect(url.startsWith(server.baseURL)).toBe(true);
    const response = await fetch(url);
    expect(response.status).toBe(401);
    await response.arrayBuffer();
  });
});
