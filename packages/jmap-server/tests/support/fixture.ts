import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Capability } from '@colibri/jmap-types';
import type { Invocation, JmapResponse, ProblemDetails } from '@colibri/jmap-types';
import { openMailStore } from '@colibri/mail-store';
import type { EmailRecord, MailStore, Mailbox } from '@colibri/mail-store';
import { createJmapEngine } from '../../src/index.js';
import type { JmapEngine, Logger, Principal, ServerPolicy } from '../../src/index.js';
import { invoice, latin1Note, lunchInvite, lunchReply, newsletter } from './messages.js';

export const USING = [Capability.Core, Capability.Mail];

/** A logger that keeps what it is told, so tests can check what reached the log and not the client. */
export function recordingLogger(): Logger & {
  lines: { message: string; details?: Record<string, unknown> }[];
} {
  const lines: { message: string; details?: Record<string, unknown> }[] = [];
  const push = (message: string, details?: Record<string, unknown>) =>
    void lines.push(details === undefined ? { message } : { message, details });
  return { lines, error: push, warn: push };
}

export interface Fixture {
  store: MailStore;
  engine: JmapEngine;
  log: ReturnType<typeof recordingLogger>;
  alice: Principal;
  bob: Principal;
  inbox: Mailbox;
  archive: Mailbox;
  emails: {
    lunchInvite: EmailRecord;
    lunchReply: EmailRecord;
    invoice: EmailRecord;
    latin1Note: EmailRecord;
    newsletter: EmailRecord;
  };
  /** Sends `methodCalls` as alice (or `principal`) and returns the 200 body, failing otherwise. */
  call(methodCalls: Invocation[], principal?: Principal): Promise<JmapResponse>;
  close(): Promise<void>;
}

const at = (iso: string) => new Date(iso);

/**
 * A real SQLite store in a temp folder: alice with an Inbox and an Archive and five messages
 * (received on 1-5 March 2024), and bob, whose account alice must never reach.
 */
export async function openFixture(options: { policy?: Partial<ServerPolicy> } = {}): Promise<Fixture> {
  const dataDir = await mkdtemp(join(tmpdir(), 'colibri-jmap-server-'));
  const store = await openMailStore({ dataDir });
  await store.createDomain('colibri.test');
  const aliceAccount = await store.createAccount({
    email: 'alice@colibri.test',
    displayName: 'Alice Durand',
    passwordHash: 'unused',
  });
  const bobAccount = await store.createAccount({
    email: 'bob@colibri.test',
    displayName: 'Bob Martin',
    passwordHash: 'unused',
  });
  const inbox = await store.createMailbox(aliceAccount.id, { name: 'Inbox', role: 'inbox', sortOrder: 1 });
  const archive = await store.createMailbox(aliceAccount.id, {
    name: 'Archive',
    role: 'archive',
    sortOrder: 2,
  });
  await store.createMailbox(bobAccount.id, { name: 'Inbox', role: 'inbox' });

  const put = (raw: Uint8Array, mailbox: Mailbox, receivedAt: string, keywords: string[] = []) =>
    store.importMessage(aliceAccount.id, {
      raw,
      mailboxIds: [mailbox.id],
      keywords,
      receivedAt: at(receivedAt),
    });
  const emails = {
    lunchInvite: await put(lunchInvite, inbox, '2024-03-01T08:00:05Z'),
    lunchReply: await put(lunchReply, inbox, '2024-03-02T09:30:05Z', ['$seen']),
    invoice: await put(invoice, archive, '2024-03-03T18:00:05Z', ['$seen']),
    latin1Note: await put(latin1Note, inbox, '2024-03-04T11:00:05Z'),
    newsletter: await put(newsletter, inbox, '2024-03-05T08:00:05Z', ['$seen', '$flagged']),
  };

  const log = recordingLogger();
  const engine = createJmapEngine({ store, logger: log, policy: options.policy });
  const alice: Principal = { accountId: aliceAccount.id, username: aliceAccount.email };
  const bob: Principal = { accountId: bobAccount.id, username: bobAccount.email };

  return {
    store,
    engine,
    log,
    alice,
    bob,
    inbox,
    archive,
    emails,
    async call(methodCalls, principal = alice) {
      const { status, body } = await engine.handleRequest(principal, { using: USING, methodCalls });
      if (status !== 200) throw new Error(`HTTP ${status}: ${JSON.stringify(body)}`);
      return body as JmapResponse;
    },
    async close() {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The arguments of the only (or the given) response, asserting its name. */
export function resultOf(response: JmapResponse, name: string, index = 0): Record<string, unknown> {
  const invocation = response.methodResponses[index];
  if (invocation === undefined) throw new Error(`no response #${index}`);
  if (invocation[0] !== name)
    throw new Error(`expected ${name}, got ${invocation[0]}: ${JSON.stringify(invocation[1])}`);
  return invocation[1];
}

export type { ProblemDetails };

/** The store with some methods replaced; the others stay bound to the real store. */
export function withOverrides(store: MailStore, overrides: Partial<MailStore>): MailStore {
  return new Proxy(store, {
    get(target, key) {
      if (Object.hasOwn(overrides, key)) return overrides[key as keyof MailStore];
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
