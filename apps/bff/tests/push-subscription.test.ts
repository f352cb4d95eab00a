import { createECDH, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAILBOX_RIGHT_NAMES, type MailboxAccess } from '@colibri/mail-store';
import { PUSH_RETRY_DELAYS_MS } from '../src/http/push/push-dispatcher.js';
import { decryptWebPush } from '../src/http/push/web-push-encryption.js';
import { ANN, BEN, PASSWORD, basic, startTestColibri } from './support/colibri.js';
import type { Fixture, TestColibri } from './support/colibri.js';
import { flagAnnsMessage, jmapApi, seedOneMessage } from './support/push-client.js';

/** Read-only rights on a shared mailbox. */
const readOnly = Object.fromEntries(
  MAILBOX_RIGHT_NAMES.map((name) => [name, name === 'mayReadItems']),
) as MailboxAccess;

let colibri: TestColibri & { fixture: Fixture };
const ann = basic(ANN, PASSWORD);
const ben = basic(BEN, PASSWORD);
const CORE = ['urn:ietf:params:jmap:core'];
const PUSH_BOUND_MS = 3000;
const DAY_MS = 24 * 3600 * 1000;

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A push endpoint on loopback that records every POST it gets. */
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];

beforeAll(async () => {
  const started = await startTestColibri({
    seed: async (store, fixture) => {
      await seedOneMessage(store, fixture);
      // Ann's Inbox is shared with ben, who subscribes to it (RFC 9670 §1.4): her account is in
      // his Session, so his push subscriptions hear of its mail.
      await store.setMailboxShares(
        fixture.ann.accountId,
        fixture.ann.inboxId,
        new Map([[fixture.ben.accountId, readOnly]]),
      );
      await store.setShareSubscribed(fixture.ann.accountId, fixture.ann.inboxId, fixture.ben.accountId, true);
      // And her calendar, whose events he may read.
      const [calendar] = await store.listCalendars(fixture.ann.accountId);
      await store.setCollectionShares(
        fixture.ann.accountId,
        'calendar',
        calendar!.id,
        new Map([[fixture.ben.accountId, { mayReadFreeBusy: true, mayReadItems: true }]]),
      );
    },
  });
  if (!started.fixture) throw new Error('no fixture');
  colibri = { ...started, fixture: started.fixture };
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      // RFC 8030 §5: a push service answers 201; /failing stands for one that is down.
      res.writeHead(req.url === '/failing' ? 503 : 201).end();
    });
  });
  receiver.listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await colibri.stop();
  receiver.close();
});

let flagged = false;
const toggleFlag = () => flagAnnsMessage(colibri, ann, (flagged = !flagged));

/** Waits for the first POST to `path` after index `from`. */
async function nextPost(path: string, from: number, timeoutMs = PUSH_BOUND_MS): Promise<Received> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const hit = received.slice(from).find((r) => r.path === path);
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error(`no POST to ${path} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function pushSet(authorization: string, args: Record<string, unknown>) {
  const [[name, result]] = (await jmapApi(
    colibri.httpUrl,
    authorization,
    [['PushSubscription/set', args, 's']],
    CORE,
  )) as [[string, Record<string, Record<string, Record<string, unknown>> | null>, string]];
  expect(name).toBe('PushSubscription/set');
  return result;
}

async function pushGet(authorization: string, args: Record<string, unknown> = {}) {
  const [first] = await jmapApi(colibri.httpUrl, authorization, [['PushSubscription/get', args, 'g']], CORE);
  if (!first) throw new Error('no response');
  const [name, result] = first;
  return { name, result };
}

/** Creates a subscription and returns its id and the PushVerification the server POSTed. */
async function subscribe(path: string, extra: Record<string, unknown> = {}) {
  const from = received.length;
  const result = await pushSet(ann, {
    create: { c1: { deviceClientId: `device-${path}`, url: `${receiverUrl}${path}`, ...extra } },
  });
  const id = result.created?.c1?.id as string;
  expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
  return { id, result, verification: await nextPost(path, from) };
}

describe('RFC 8620 §7.2: PushSubscription', () => {
  it('create → PushVerification POSTed to the url → verificationCode set → StateChange pushes', async () => {
    const { id, result, verification } = await subscribe('/plain', { types: ['Email'] });
    // §7.2.2: no expires given, the server sets one (here at most 7 days ahead) and says so.
    const expires = Date.parse(result.created?.c1?.expires as string);
    expect(expires - Date.now()).toBeGreaterThan(7 * DAY_MS - 60_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(7 * DAY_MS);
    expect(verification.headers['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(verification.body.toString()) as Record<string, string>;
    expect(body).toMatchObject({ '@type': 'PushVerification', pushSubscriptionId: id });
    expect(typeof body.verificationCode).toBe('string');

    // Not verified yet: no pushes.
    let from = received.length;
    await toggleFlag();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(received.slice(from).filter((r) => r.path === '/plain')).toEqual([]);

    // §7.2.2: a wrong code is invalidProperties and changes nothing.
    const wrong = await pushSet(ann, { update: { [id]: { verificationCode: 'not-the-code' } } });
    expect(wrong.notUpdated?.[id]).toMatchObject({
      type: 'invalidProperties',
      properties: ['verificationCode'],
    });
    expect((await pushGet(ann, { ids: [id] })).result).toMatchObject({
      list: [{ id, verificationCode: null }],
    });

    const right = await pushSet(ann, { update: { [id]: { verificationCode: body.verificationCode } } });
    expect(right.updated).toEqual({ [id]: null });
    expect((await pushGet(ann, { ids: [id] })).result).toEqual({
      list: [
        {
          id,
          deviceClientId: 'device-/plain',
          verificationCode: body.verificationCode,
          expires: result.created?.c1?.expires,
          types: ['Email'],
        },
      ],
      notFound: [],
    });

    from = received.length;
    const newState = await toggleFlag();
    const push = await nextPost('/plain', from);
    expect(JSON.parse(push.body.toString())).toEqual({
      '@type': 'StateChange',
      changed: { [colibri.fixture.ann.accountId]: { Email: newState } },
    });

    // Destroyed: no more pushes.
    expect((await pushSet(ann, { destroy: [id] })).destroyed).toEqual([id]);
    from = received.length;
    await toggleFlag();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(received.slice(from).filter((r) => r.path === '/plain')).toEqual([]);
  });

  it('with keys, verification and pushes are RFC 8291 encrypted (aes128gcm)', async () => {
    const ua = createECDH('prime256v1');
    ua.generateKeys();
    const auth = randomBytes(16);
    const keys = { p256dh: ua.getPublicKey().toString('base64url'), auth: auth.toString('base64url') };
    const { id, verification } = await subscribe('/encrypted', { keys });
    expect(verification.headers['content-encoding']).toBe('aes128gcm');
    const body = JSON.parse(decryptWebPush(verification.body, ua.getPrivateKey(), auth).toString()) as {
      verificationCode: string;
    };
    await pushSet(ann, { update: { [id]: { verificationCode: body.verificationCode } } });
    const from = received.length;
    const newState = await toggleFlag();
    const push = await nextPost('/encrypted', from);
    expect(JSON.parse(decryptWebPush(push.body, ua.getPrivateKey(), auth).toString())).toMatchObject({
      '@type': 'StateChange',
      changed: { [colibri.fixture.ann.accountId]: { Email: newState } },
    });
    await pushSet(ann, { destroy: [id] });
  });

  it(`a failing endpoint gets ${PUSH_RETRY_DELAYS_MS.length} attempts, no more`, async () => {
    const from = received.length;
    const { id } = await subscribe('/failing');
    const total = PUSH_RETRY_DELAYS_MS.reduce((a, b) => a + b, 0);
    await new Promise((resolve) => setTimeout(resolve, total + 1500));
    expect(received.slice(from).filter((r) => r.path === '/failing')).toHaveLength(
      PUSH_RETRY_DELAYS_MS.length,
    );
    await pushSet(ann, { destroy: [id] });
  }, 20_000);

  it('an expired subscription gets no pushes', async () => {
    const expires = new Date(Date.now() + 3000).toISOString();
    const { id, verification } = await subscribe('/expiring', { expires });
    const { verificationCode } = JSON.parse(verification.body.toString()) as { verificationCode: string };
    await pushSet(ann, { update: { [id]: { verificationCode } } });
    let from = received.length;
    await toggleFlag();
    await nextPost('/expiring', from);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(expires) - Date.now() + 100)));
    from = received.length;
    await toggleFlag();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(received.slice(from).filter((r) => r.path === '/expiring')).toEqual([]);
    await pushSet(ann, { destroy: [id] });
  });

  it('refuses bad input with invalidProperties and creates nothing', async () => {
    const before = (await pushGet(ann)).result as { list: unknown[] };
    const bad = {
      ftp: { deviceClientId: 'd', url: 'ftp://push.example/x' },
      plainHttp: { deviceClientId: 'd', url: 'http://push.example/x' },
      noDevice: { url: 'https://push.example/x' },
      badKeys: {
        deviceClientId: 'd',
        url: 'https://push.example/x',
        keys: { p256dh: 'AAAA', auth: 'not base64!' },
      },
      past: { deviceClientId: 'd', url: 'https://push.example/x', expires: '2001-01-01T00:00:00Z' },
      code: { deviceClientId: 'd', url: 'https://push.example/x', verificationCode: 'mine' },
    };
    const result = await pushSet(ann, { create: bad });
    expect(result.created).toBeNull();
    expect(Object.keys(result.notCreated ?? {}).sort()).toEqual(Object.keys(bad).sort());
    for (const error of Object.values(result.notCreated ?? {})) expect(error.type).toBe('invalidProperties');
    expect(((await pushGet(ann)).result as { list: unknown[] }).list).toEqual(before.list);
  });

  it('a far expires is clamped to 7 days; url and keys are never returned (forbidden)', async () => {
    const result = await pushSet(ann, {
      create: { c: { deviceClientId: 'd', url: 'https://push.example/x', expires: '2099-01-01T00:00:00Z' } },
    });
    const id = result.created?.c?.id as string;
    expect(Date.parse(result.created?.c?.expires as string) - Date.now()).toBeLessThanOrEqual(7 * DAY_MS);
    const forbidden = await pushGet(ann, { ids: [id], properties: ['url'] });
    expect(forbidden).toMatchObject({ name: 'error', result: { type: 'forbidden' } });
    const { list } = (await pushGet(ann, { ids: [id] })).result as { list: Record<string, unknown>[] };
    const full = list[0];
    expect(full).not.toHaveProperty('url');
    expect(full).not.toHaveProperty('keys');
    await pushSet(ann, { destroy: [id] });
  });

  it("belongs to the principal: ben neither sees nor destroys ann's subscription", async () => {
    const result = await pushSet(ann, {
      create: { c: { deviceClientId: 'd', url: 'https://push.example/y' } },
    });
    const id = result.created?.c?.id as string;
    expect((await pushGet(ben)).result).toEqual({ list: [], notFound: [] });
    expect((await pushSet(ben, { destroy: [id] })).notDestroyed?.[id]).toMatchObject({ type: 'notFound' });
    expect((await pushSet(ann, { destroy: [id] })).destroyed).toEqual([id]);
  });

  it("pushes a shared account's mail changes to a sharee's subscription, and nothing else of it", async () => {
    let from = received.length;
    const created = await pushSet(ben, {
      create: { c: { deviceClientId: 'ben-device', url: `${receiverUrl}/ben` } },
    });
    const id = created.created?.c?.id as string;
    const { verificationCode } = JSON.parse((await nextPost('/ben', from)).body.toString()) as {
      verificationCode: string;
    };
    await pushSet(ben, { update: { [id]: { verificationCode } } });
    from = received.length;
    await toggleFlag();
    const push = JSON.parse((await nextPost('/ben', from)).body.toString()) as {
      '@type': string;
      changed: Record<string, Record<string, string>>;
    };
    expect(push['@type']).toBe('StateChange');
    const annStates = push.changed[colibri.fixture.ann.accountId];
    expect(annStates).toHaveProperty('Email');
    expect(Object.keys(annStates ?? {}).every((type) => ['Mailbox', 'Email', 'Thread'].includes(type))).toBe(
      true,
    );
    await pushSet(ben, { destroy: [id] });
  });

  it("pushes a shared calendar's event changes to a sharee's subscription", async () => {
    let from = received.length;
    const created = await pushSet(ben, {
      create: { c: { deviceClientId: 'ben-calendar', url: `${receiverUrl}/ben-calendar` } },
    });
    const id = created.created?.c?.id as string;
    const { verificationCode } = JSON.parse((await nextPost('/ben-calendar', from)).body.toString()) as {
      verificationCode: string;
    };
    await pushSet(ben, { update: { [id]: { verificationCode } } });
    from = received.length;
    const [answer] = await jmapApi(
      colibri.httpUrl,
      ann,
      [
        [
          'CalendarEvent/set',
          {
            accountId: colibri.fixture.ann.accountId,
            create: { e: { title: 'Planning', start: '2026-03-10T09:00:00', duration: 'PT1H' } },
          },
          'e',
        ],
      ],
      [...CORE, 'urn:ietf:params:jmap:calendars'],
    );
    expect(answer?.[0]).toBe('CalendarEvent/set');
    const push = JSON.parse((await nextPost('/ben-calendar', from)).body.toString()) as {
      changed: Record<string, Record<string, string>>;
    };
    expect(push.changed[colibri.fixture.ann.accountId]).toHaveProperty('CalendarEvent');
    await pushSet(ben, { destroy: [id] });
  });
});
