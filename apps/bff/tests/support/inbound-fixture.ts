import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Account, MailStore } from '@colibri/mail-store';
import { openStores } from '../../src/config/open-stores.js';
import { createLogger } from '../../src/logger.js';
import type { InboundSmtpOptions } from '../../src/smtp/inbound-smtp.js';
import type { SendOutgoing } from '../../src/smtp/outgoing.js';

export type Sent = Parameters<SendOutgoing>[0];

/** A store in a temp folder with the domain fixture.test and Ann, and what inbound servers need. */
export interface InboundFixture {
  store: MailStore;
  ann: Account;
  /** What the servers handed to outgoing delivery (the queue), in order. */
  sent: Sent[];
  /** For `startInboundSmtp`: loopback, a free port, silent, outgoing mail into `sent`. */
  options: InboundSmtpOptions;
  close(): Promise<void>;
}

export async function openInboundFixture(prefix: string): Promise<InboundFixture> {
  const dataDir = await mkdtemp(path.join(tmpdir(), prefix));
  const store = (await openStores({ dataDir })).mail;
  await store.createDomain('fixture.test');
  const ann = await store.createAccount({
    email: 'ann@fixture.test',
    displayName: 'Ann Example',
    passwordHash: 'x',
  });
  const sent: Sent[] = [];
  const options: InboundSmtpOptions = {
    store,
    host: '127.0.0.1',
    port: 0,
    serverName: 'colibri.localhost',
    log: createLogger('silent'),
    sendOutgoing: async (message) => void sent.push(message),
  };
  return {
    store,
    ann,
    sent,
    options,
    close: async () => {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
