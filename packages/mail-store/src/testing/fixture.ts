import type { ImportMessageInput, MailStore } from '../mail-store.js';
import type { Account, EmailRecord, Mailbox } from '../model.js';
import { useFreshPerTest } from './fresh-per-test.js';

/** Opens a fresh, empty store of the backend under test; `cleanup` closes it and removes its data. */
export type MailStoreFactory = () => Promise<{ store: MailStore; cleanup(): Promise<void> }>;

/** What every conformance test starts from: a domain, one account (Alice) and her Inbox. */
export interface Fixture {
  store: MailStore;
  account: Account;
  inbox: Mailbox;
  /** A second account of the same domain, for isolation checks. */
  addAccount(localPart: string): Promise<{ account: Account; inbox: Mailbox }>;
  /** Imports a small message into Alice's given mailboxes (her Inbox by default). */
  importMail(
    headers: Record<string, string>,
    options?: Partial<Omit<ImportMessageInput, 'raw'>> & { body?: string },
  ): Promise<EmailRecord>;
}

/** Builds a raw RFC 5322 message with CRLF line endings. */
export function rawMessage(headers: Record<string, string>, body: string): Uint8Array {
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n\r\n${body.replace(/\r?\n/g, '\r\n')}`);
}

/**
 * Registers a fresh store per test (beforeEach/afterEach) and returns a getter for it, so that no
 * test sees another's data whatever the backend.
 */
export function useFixture(factory: MailStoreFactory): () => Fixture {
  const current = useFreshPerTest(async () => {
    const { store, cleanup } = await factory();
    await store.createDomain('example.test');
    const addAccount = async (localPart: string) => {
      const account = await store.createAccount({
        email: `${localPart}@example.test`,
        displayName: localPart,
        passwordHash: `hash-${localPart}`,
      });
      const inbox = await store.createMailbox(account.id, { name: 'Inbox', role: 'inbox' });
      return { account, inbox };
    };
    const { account, inbox } = await addAccount('alice');
    const fixture: Fixture = {
      store,
      account,
      inbox,
      addAccount,
      importMail: (headers, { body, ...options } = {}) =>
        store.importMessage(account.id, {
          mailboxIds: [inbox.id],
          ...options,
          raw: rawMessage(headers, body ?? 'body'),
        }),
    };
    return { fixture, cleanup };
  });
  return () => current().fixture;
}
