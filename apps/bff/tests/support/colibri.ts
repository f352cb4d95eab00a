import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { AccountId, MailboxId, MailStore } from '@colibri/mail-store';
import { hashPassword } from '@colibri/mail-store';
import { loadConfig } from '../../src/config/config.js';
import { openStores } from '../../src/config/open-stores.js';
import { createLogger } from '../../src/logger.js';
import { startColibri } from '../../src/server.js';
import type { RunningColibri } from '../../src/server.js';
import type { DnsResolver } from '../../src/smtp/dns-resolver.js';

/** Fast scrypt parameters for fixture users: the format is the same, the test is faster. */
const FAST = { N: 1024, r: 8, p: 1 };

export const PASSWORD = 'fixture-password-1';
export const ANN = 'ann@fixture.test';
export const BEN = 'ben@fixture.test';

export interface Fixture {
  ann: { accountId: AccountId; inboxId: MailboxId };
  ben: { accountId: AccountId; inboxId: MailboxId };
}

/** A built web app stand-in: index.html and one hashed asset. */
export async function fakeWebDist(dir: string): Promise<string> {
  const dist = path.join(dir, 'web-dist');
  await mkdir(path.join(dist, 'assets'), { recursive: true });
  await writeFile(
    path.join(dist, 'index.html'),
    '<!doctype html><title>Colibri</title><div id="root"></div>',
  );
  await writeFile(path.join(dist, 'assets', 'index-AbC123.js'), 'console.log("app")');
  await writeFile(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dist;
}

/** Builds a real MIME message with nodemailer's composer. */
export function mime(options: ConstructorParameters<typeof MailComposer>[0]): Promise<Buffer> {
  return new MailComposer(options).compile().build();
}

/**
 * A small fixture in a fresh data folder (the demo is slow to seed and tested on its own):
 * domain fixture.test, users ann and ben, each with an Inbox, and one message with a PDF for ann.
 */
async function seedFixture(
  dataDir: string,
  extra?: (store: MailStore, fixture: Fixture) => Promise<void>,
): Promise<Fixture> {
  const { mail: store } = await openStores({ dataDir });
  try {
    await store.createDomain('fixture.test');
    const user = async (email: string, name: string) => {
      const account = await store.createAccount({
        email,
        displayName: name,
        passwordHash: await hashPassword(PASSWORD, FAST),
      });
      const inbox = await store.createMailbox(account.id, { name: 'Inbox', role: 'inbox', sortOrder: 1 });
      await store.createMailbox(account.id, { name: 'Sent', role: 'sent', sortOrder: 2 });
      return { accountId: account.id, inboxId: inbox.id };
    };
    const fixture = { ann: await user(ANN, 'Ann Example'), ben: await user(BEN, 'Ben Example') };
    await extra?.(store, fixture);
    return fixture;
  } finally {
    await store.close();
  }
}

export interface TestColibri extends RunningColibri {
  dataDir: string;
  /** The small fixture's ids; null when the demo was seeded instead. */
  fixture: Fixture | null;
  /** Stops the server and removes the data folder. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Reuse a data folder (to test restarts); default: a fresh one. */
  dataDir?: string;
  /** Seed the demo organisation (slow) instead of the small fixture. */
  demo?: boolean;
  env?: Record<string, string>;
  /** Runs on the fixture store before the server opens it. */
  seed?: (store: MailStore, fixture: Fixture) => Promise<void>;
  /** DNS for the SMTP sender checks; default a fake DNS without any record (no network here). */
  dnsResolver?: DnsResolver;
  /** How often open push connections re-check their credentials (default 10 s). */
  pushCredentialRecheckMs?: number;
}

/** A fake DNS that has no records at all: SPF, DKIM and DMARC all come out "none". */
export const emptyDns: DnsResolver = async (name) => {
  throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
};

/** Starts Colibri in-process on free loopback ports, as main.ts would from this environment. */
export async function startTestColibri(options: StartOptions = {}): Promise<TestColibri> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'colibri-bff-')));
  const fixture = options.demo || options.dataDir ? null : await seedFixture(dataDir, options.seed);
  const config = loadConfig({
    COLIBRI_DATA: dataDir,
    COLIBRI_HTTP_HOST: '127.0.0.1',
    COLIBRI_HTTP_PORT: '0',
    COLIBRI_SMTP_PORT: '0',
    COLIBRI_LMTP_PORT: '0',
    COLIBRI_DEMO: options.demo ? '1' : '0',
    COLIBRI_DEMO_PASSWORD: 'demo-password-1',
    COLIBRI_WEB_DIST: await fakeWebDist(dataDir),
    COLIBRI_LOG_LEVEL: 'silent',
    ...options.env,
  });
  const running = await startColibri(config, {
    log: createLogger(process.env.TEST_LOG === '1' ? 'debug' : 'silent'),
    dnsResolver: options.dnsResolver ?? emptyDns,
    pushCredentialRecheckMs: options.pushCredentialRecheckMs,
  });
  return {
    ...running,
    dataDir,
    fixture,
    async stop() {
      await running.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/** Logs in over HTTP and returns the cookie pair to send back and the CSRF token. */
export async function login(
  baseUrl: string,
  username: string,
  password: string,
): Promise<{ cookie: string; csrfToken: string; setCookie: string }> {
  const response = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const setCookie = response.headers.getSetCookie()[0] ?? '';
  const body = (await response.json()) as { csrfToken: string };
  return { cookie: setCookie.split(';')[0] ?? '', csrfToken: body.csrfToken, setCookie };
}

export const USING = ['urn:ietf:params:jmap:core', 'urn:ietf:params:jmap:mail'];
