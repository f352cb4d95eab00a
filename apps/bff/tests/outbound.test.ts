import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dkimDnsRecord } from '@colibri/mail-store';
import type { Account, MailStore } from '@colibri/mail-store';
import type { OutboundRelay } from '../src/config/config.js';
import { openStores } from '../src/config/open-stores.js';
import { createLogger } from '../src/logger.js';
import { startOutboundWorker } from '../src/smtp/outbound/outbound-worker.js';
import type { OutboundWorker, OutboundWorkerOptions } from '../src/smtp/outbound/outbound-worker.js';

/** A relay on 127.0.0.1 that records what it accepts; replies are scripted per test. */
interface Relay {
  port: number;
  received: { mailFrom: string; rcptTo: string[]; raw: string }[];
  /** Replies for the next DATA commands, in order (250 once used up). */
  dataReplies: number[];
  /** Recipients refused at RCPT TO with this code. */
  refuse: Map<string, number>;
  close(): Promise<void>;
}

async function startRelay(): Promise<Relay> {
  const relay: Omit<Relay, 'port' | 'close'> = { received: [], dataReplies: [], refuse: new Map() };
  const fail = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = relay.refuse.get(address.address);
      if (code === undefined) callback();
      else callback(fail(code, code >= 500 ? '5.1.1 No such user here' : '4.2.1 Try later'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const code = relay.dataReplies.shift() ?? 250;
        if (code !== 250)
          return callback(fail(code, code >= 500 ? '5.7.1 Rejected' : '4.3.0 Greylisted, try again'));
        relay.received.push({
          mailFrom: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback(null, 'Queued as 1');
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { ...relay, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const message = (from: string, to: string, subject: string) =>
  new TextEncoder().encode(
    `From: ${from}\r\nTo: ${to}\r\nSubject: ${subject}\r\nMessage-ID: <${subject.replace(/\W/g, '')}@example.test>\r\nDate: Sun, 29 Nov 2026 03:00:00 +0000\r\n\r\nHello there.\r\n`,
  );

/** Waits until `check` holds, running worker passes (the retry delays are milliseconds here). */
async function eventually(worker: OutboundWorker, check: () => Promise<boolean>, timeoutMs = 5000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await worker.runOnce();
    await new Promise((r) => setTimeout(r, 20));
  }
}

let dir: string;
let store: MailStore;
let relay: Relay;
let alice: Account;
let ben: Account;
let worker: OutboundWorker | null;

const log = createLogger('silent');
const relayOf = (r: Relay): OutboundRelay => ({
  kind: 'relay',
  host: '127.0.0.1',
  port: r.port,
  secure: false,
  user: null,
  pass: null,
});
const start = (overrides: Partial<OutboundWorkerOptions> = {}) =>
  (worker = startOutboundWorker({
    store,
    relay: relayOf(relay),
    serverName: 'mail.example.test',
    log,
    retry: { delaysMs: [30], giveUpAfterMs: 60_000 },
    pollIntervalMs: 20,
    ...overrides,
  }));

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'colibri-outbound-'));
  store = (await openStores({ dataDir: dir })).mail;
  await store.createDomain('example.test');
  alice = await store.createAccount({ email: 'alice@example.test', displayName: 'Alice', passwordHash: 'x' });
  ben = await store.createAccount({ email: 'ben@example.test', displayName: 'Ben', passwordHash: 'x' });
  relay = await startRelay();
  worker = null;
});

afterEach(async () => {
  await worker?.close();
  await relay.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const submission = async (id: string) => (await store.getSubmissions(alice.id)).find((s) => s.id === id)!;
const inboxSubjects = async (account: Account) => {
  const { ids } = await store.queryEmails(account.id, {});
  return (await store.getEmails(account.id, ids)).map((e) => e.subject);
};

describe('outbound delivery worker (RFC 5321 relay, RFC 6376 DKIM, RFC 3464 DSN)', () => {
  it('delivers a remote recipient through the relay, DKIM-signed for the From domain (verified with a fake DNS resolver)', async () => {
    const queued = await store.createSubmission(alice.id, {
      raw: message('Alice <alice@example.test>', 'bob@remote.test', 'Signed hello'),
      envelope: { mailFrom: 'alice@example.test', rcptTo: ['bob@remote.test'] },
    });
    const w = start();
    await eventually(w, async () => relay.received.length === 1);
    expect(relay.received[0]).toMatchObject({ mailFrom: 'alice@example.test', rcptTo: ['bob@remote.test'] });
    const raw = relay.received[0]!.raw;
    expect(raw).toMatch(/^DKIM-Signature: .*d=example\.test/m);

    // RFC 6376 §3.6.2.2: the verifier looks up <selector>._domainkey.<domain> TXT; served by a fake resolver.
    const record = dkimDnsRecord(await store.dkimKey('example.test'));
    const resolver = async (name: string, type: string) => {
      if (type === 'TXT' && name === record.name) return [[record.value]];
      throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    };
    const verified = await dkimVerify(Buffer.from(raw), { resolver } as never);
    expect(verified.results.map((r) => r.status.result)).toEqual(['pass']);

    await eventually(w, async () => (await submission(queued.id)).recipients[0]!.delivered === 'yes');
    expect((await submission(queued.id)).recipients[0]).toMatchObject({
      delivered: 'yes',
      attempts: 1,
      smtpReply: expect.stringMatching(/^250 /),
    });
  });

  it('retries after a 451 (RFC 5321 §4.2.1 transient) and delivers on the next attempt', async () => {
    relay.dataReplies.push(451);
    const queued = await store.createSubmission(alice.id, {
      raw: message('alice@example.test', 'bob@remote.test', 'Greylisted'),
      envelope: { mailFrom: 'alice@example.test', rcptTo: ['bob@remote.test'] },
    });
    const w = start();
    await eventually(w, async () => relay.received.length === 1);
    await eventually(w, async () => (await submission(queued.id)).recipients[0]!.delivered === 'yes');
    expect((await submission(queued.id)).recipients[0]).toMatchObject({ attempts: 2, lastError: null });
  });

  it("bounces a 550 with an RFC 3464 report into the local sender's Inbox", async () => {
    relay.refuse.set('nobody@remote.test', 550);
    const queued = await store.createSubmission(alice.id, {
      raw: message('alice@example.test', 'nobody@remote.test', 'To nobody'),
      envelope: { mailFrom: 'alice@example.test', rcptTo: ['nobody@remote.test'] },
    });
    const w = start();
    await eventually(w, async () =>
      (await inboxSubjects(alice)).includes('Undelivered Mail Returned to Sender'),
    );
    const status = (await submission(queued.id)).recipients[0]!;
    expect(status).toMatchObject({ delivered: 'no', smtpReply: expect.stringMatching(/^550 5\.1\.1/) });
    const { ids } = await store.queryEmails(alice.id, {});
    const [bounce] = await store.getEmails(alice.id, ids);
    const text = new TextDecoder().decode((await store.readBlob(alice.id, bounce!.blobId))!);
    expect(text).toContain('report-type=delivery-status');
    expect(text).toContain('Final-Recipient: rfc822; nobody@remote.test\r\nAction: failed\r\nStatus: 5.1.1');
    expect(text).toMatch(/Diagnostic-Code: smtp; 550 5\.1\.1/);
    expect(text).toContain('Subject: To nobody');
    expect(relay.received).toEqual([]);
  });

  it('never bounces a message sent with a null reverse-path (no bounce loops, RFC 5321 §4.5.5)', async () => {
    relay.refuse.set('gone@remote.test', 550);
    const queued = await store.createSubmission(alice.id, {
      raw: message('MAILER-DAEMON@example.test', 'gone@remote.test', 'A bounce'),
      envelope: { mailFrom: '', rcptTo: ['gone@remote.test'] },
    });
    const w = start();
    await eventually(w, async () => (await submission(queued.id)).recipients[0]!.delivered === 'no');
    await w.runOnce();
    expect(await store.getSubmissions(alice.id)).toHaveLength(1);
    expect(await inboxSubjects(alice)).toEqual([]);
  });

  it("queues a remote sender's bounce with MAIL FROM <> through sendOutgoing", async () => {
    relay.refuse.set('nobody@remote.test', 550);
    const w = start();
    await w.sendOutgoing({
      accountId: alice.id,
      mailFrom: 'someone@elsewhere.test',
      rcptTo: ['nobody@remote.test'],
      raw: message('alice@example.test', 'nobody@remote.test', 'Auto reply'),
    });
    await eventually(w, async () => relay.received.length === 1);
    expect(relay.received[0]).toMatchObject({ mailFrom: '', rcptTo: ['someone@elsewhere.test'] });
    expect(relay.received[0]!.raw).toContain('Status: 5.1.1');
  });

  it('delivers a local recipient into their Inbox without touching the relay', async () => {
    const queued = await store.createSubmission(alice.id, {
      raw: message('alice@example.test', 'ben@example.test', 'Internal note'),
      envelope: { mailFrom: 'alice@example.test', rcptTo: ['Ben@example.test'] },
    });
    const w = start();
    await eventually(w, async () => (await inboxSubjects(ben)).includes('Internal note'));
    expect((await submission(queued.id)).recipients[0]).toMatchObject({ delivered: 'yes' });
    expect(relay.received).toEqual([]);
  });

  it('answers internal mail with the recipient’s vacation reply (RFC 3834), once, from <>', async () => {
    await store.setVacationResponse(ben.id, { isEnabled: true, subject: 'Ben is away' });
    for (const subject of ['Question', 'Follow-up']) {
      await store.createSubmission(alice.id, {
        raw: message('alice@example.test', 'ben@example.test', subject),
        envelope: { mailFrom: 'alice@example.test', rcptTo: ['ben@example.test'] },
      });
    }
    const w = start();
    await eventually(w, async () => (await inboxSubjects(ben)).includes('Follow-up'));
    await eventually(w, async () => (await inboxSubjects(alice)).includes('Ben is away'));
    expect((await inboxSubjects(alice)).filter((s) => s === 'Ben is away')).toHaveLength(1);
    const replies = (await store.getSubmissions(ben.id)).filter((s) => s.identityId === null);
    expect(replies.map((r) => r.envelope)).toEqual([{ mailFrom: '', rcptTo: ['alice@example.test'] }]);
    expect(relay.received).toEqual([]);
  });

  it('holds a future sendAt, and a canceled one is never sent', async () => {
    const sendAt = new Date(Date.now() + 400);
    const held = await store.createSubmission(alice.id, {
      raw: message('alice@example.test', 'bob@remote.test', 'Later'),
      envelope: { mailFrom: 'alice@example.test', rcptTo: ['bob@remote.test'] },
      sendAt,
    });
    const canceled = await store.createSubmission(alice.id, {
      raw: message('alice@example.test', 'carol@remote.test', 'Never'),
      envelope: { mailFrom: 'alice@example.test', rcptTo: ['carol@remote.test'] },
      sendAt,
    });
    const w = start();
    await w.runOnce();
    expect(relay.received).toEqual([]);
    expect((await submission(held.id)).undoStatus).toBe('pending');
    await store.cancelSubmission(alice.id, canceled.id);
    await eventually(w, async () => relay.received.length === 1);
    expect(relay.received.map((m) => m.rcptTo)).toEqual([['bob@remote.test']]);
    expect(Date.now()).toBeGreaterThanOrEqual(sendAt.getTime());
    expect((await submission(held.id)).undoStatus).toBe('final');
    expect((await submission(canceled.id)).undoStatus).toBe('canceled');
  });

  it('sends a held message at its sendAt, not at the next poll (undo send, send later)', async () => {
    const sendAt = new Date(Date.now() + 600);
    await store.createSubmission(alice.id, {
      raw: message('alice@example.test', 'bob@remote.test', 'On time'),
      envelope: { mailFrom: 'alice@example.test', rcptTo: ['bob@remote.test'] },
      sendAt,
    });
    // A poll far away: only the worker's own timer for the next due delivery can send it in time.
    start({ pollIntervalMs: 60_000 });
    // Generous for a loaded machine (the first send makes a DKIM key), far below the poll.
    const deadline = sendAt.getTime() + 10_000;
    while (relay.received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(relay.received.map((m) => m.rcptTo)).toEqual([['bob@remote.test']]);
    expect(Date.now()).toBeGreaterThanOrEqual(sendAt.getTime());
  });

  it('keeps the queue across a restart of the store and worker', async () => {
    relay.dataReplies.push(451, 451, 451);
    const queued = await store.createSubmission(alice.id, {
      raw: message('alice@example.test', 'bob@remote.test', 'Survives'),
      envelope: { mailFrom: 'alice@example.test', rcptTo: ['bob@remote.test'] },
    });
    // The first worker's next attempt is 300 ms away: it is closed before then.
    const first = start({ retry: { delaysMs: [300], giveUpAfterMs: 600_000 } });
    await eventually(first, async () => (await submission(queued.id)).recipients[0]!.attempts === 1);
    await first.close();
    await store.close();
    relay.dataReplies.length = 0;

    store = (await openStores({ dataDir: dir })).mail;
    expect((await submission(queued.id)).recipients[0]).toMatchObject({
      delivered: 'queued',
      lastError: expect.stringMatching(/^451/),
    });
    const second = start();
    await eventually(second, async () => (await submission(queued.id)).recipients[0]!.delivered === 'yes');
    expect(relay.received.map((m) => m.rcptTo)).toEqual([['bob@remote.test']]);
    expect((await submission(queued.id)).recipients[0]!.attempts).toBe(2);
  });

  it('fails temporarily with a clear reason when no relay is configured, then gives up and bounces', async () => {
    const queued = await store.createSubmission(alice.id, {
      raw: message('alice@example.test', 'bob@remote.test', 'Nowhere to go'),
      envelope: { mailFrom: 'alice@example.test', rcptTo: ['bob@remote.test'] },
    });
    const w = start({ relay: { kind: 'none' }, retry: { delaysMs: [20], giveUpAfterMs: 150 } });
    await eventually(w, async () => (await submission(queued.id)).recipients[0]!.attempts >= 1);
    expect((await submission(queued.id)).recipients[0]!.lastError).toMatch(/No relay configured/);
    await eventually(w, async () =>
      (await inboxSubjects(alice)).includes('Undelivered Mail Returned to Sender'),
    );
    expect((await submission(queued.id)).recipients[0]).toMatchObject({ delivered: 'no' });
  });

  it('delivers to the MX of the recipient domain (fake DNS resolver pointing at the test relay)', async () => {
    const queued = await store.createSubmission(alice.id, {
      raw: message('alice@example.test', 'bob@remote.test', 'Via MX'),
      envelope: { mailFrom: 'alice@example.test', rcptTo: ['bob@remote.test'] },
    });
    const lookups: string[] = [];
    const w = start({
      relay: { kind: 'mx' },
      mxPort: relay.port,
      resolveMx: async (domain) => {
        lookups.push(domain);
        return [
          { exchange: '127.0.0.1', priority: 10 },
          { exchange: 'backup.invalid', priority: 20 },
        ];
      },
    });
    await eventually(w, async () => (await submission(queued.id)).recipients[0]!.delivered === 'yes');
    expect(lookups).toEqual(['remote.test']);
    expect(relay.received).toHaveLength(1);
  });
});
