import { randomBytes } from 'node:crypto';
import type { AccountId, BatchImportInput, MailStore, MailboxId } from '@colibri/mail-store';
import { hashPassword, maxImportBatchMessages } from '@colibri/mail-store';
import type { Logger } from '../logger.js';
import { composeMessage } from './compose.js';
import { createDemoContext } from './context.js';
import type { DemoFolder } from './demo-message.js';
import { DEMO_DOMAIN, ROOMS, USERS, USER_KEYS } from './people.js';
import type { UserKey } from './people.js';
import { placementsOf, planDemo } from './plan.js';

/** Set once the demo is complete; its presence means "never seed again". */
export const DEMO_SEEDED_META_KEY = 'demo.seededAt';

export interface DemoSeedResult {
  /** True when this call created the demo. */
  seeded: boolean;
  /** The password chosen for the demo users when none was configured (print it once). */
  generatedPassword: string | null;
  /** Messages stored per user by this call. */
  messages: Partial<Record<UserKey, number>>;
}

export interface DemoSeedOptions {
  /** The demo users' password; null generates one. */
  password: string | null;
  /** The moment the demo is built around (its messages span the 90 days before). */
  now?: Date;
  log: Logger;
}

/** Mailboxes of every demo user: the RFC 8621 roles, then user folders (a nested one included). */
const MAILBOXES: {
  folder: DemoFolder;
  name: string;
  role: 'inbox' | 'drafts' | 'sent' | 'archive' | 'trash' | 'junk' | null;
  parent?: DemoFolder;
}[] = [
  { folder: 'inbox', name: 'Inbox', role: 'inbox' },
  { folder: 'drafts', name: 'Drafts', role: 'drafts' },
  { folder: 'sent', name: 'Sent', role: 'sent' },
  { folder: 'archive', name: 'Archive', role: 'archive' },
  { folder: 'junk', name: 'Junk', role: 'junk' },
  { folder: 'trash', name: 'Trash', role: 'trash' },
  { folder: 'Projects', name: 'Projects', role: null },
  { folder: 'Projects/Colibri', name: 'Colibri', role: null, parent: 'Projects' },
  { folder: 'Receipts', name: 'Receipts', role: null },
];

/**
 * Creates the demo organisation (domain colibri.test; alice, bob and carol; their mailboxes and
 * a few hundred realistic messages; two meeting rooms) unless it was created before. Runs once per data folder:
 * the marker is written last, and a half-made demo (a crash mid-way) is left alone with a warning
 * rather than duplicated.
 */
export async function seedDemoOnce(store: MailStore, options: DemoSeedOptions): Promise<DemoSeedResult> {
  const log = options.log;
  if ((await store.getMeta(DEMO_SEEDED_META_KEY)) !== null)
    return { seeded: false, generatedPassword: null, messages: {} };
  if (await store.findDomain(DEMO_DOMAIN)) {
    log.warn(
      `The domain ${DEMO_DOMAIN} exists but the demo was never completed; not seeding again. Remove the data folder to start over.`,
    );
    return { seeded: false, generatedPassword: null, messages: {} };
  }
  const started = Date.now();
  const password = options.password ?? randomBytes(12).toString('base64url');
  const domain = await store.createDomain(DEMO_DOMAIN);
  log.debug('demo domain created', { domainId: domain.id });

  const hashes = await Promise.all(USER_KEYS.map(() => hashPassword(password)));
  const accounts = new Map<UserKey, { id: AccountId; folders: Map<DemoFolder, MailboxId> }>();
  for (const [i, user] of USER_KEYS.entries()) {
    const account = await store.createAccount({
      email: USERS[user].email,
      displayName: USERS[user].name,
      passwordHash: hashes[i] ?? '',
    });
    const folders = new Map<DemoFolder, MailboxId>();
    for (const [sortOrder, box] of MAILBOXES.entries()) {
      const parentId = box.parent ? (folders.get(box.parent) ?? null) : null;
      const mailbox = await store.createMailbox(account.id, {
        name: box.name,
        role: box.role,
        parentId,
        sortOrder: sortOrder + 1,
      });
      folders.set(box.folder, mailbox.id);
    }
    accounts.set(user, { id: account.id, folders });
  }

  for (const room of ROOMS)
    await store.createResource({
      email: room.email,
      displayName: room.name,
      kind: 'room',
      policy: room.policy,
      approverId: room.approver === null ? null : (accounts.get(room.approver)?.id ?? null),
    });

  const ctx = createDemoContext(options.now ?? new Date());
  const counts: Partial<Record<UserKey, number>> = {};
  // Composed in plan order (the PRNG sequence), then stored through the batched import path.
  const inputs = new Map<UserKey, BatchImportInput[]>();
  for (const message of planDemo(ctx)) {
    const raw = await composeMessage(message, ctx.rng.hex(8));
    for (const placement of placementsOf(ctx, message)) {
      const account = accounts.get(placement.user);
      const mailboxId = account?.folders.get(placement.folder);
      if (!account || !mailboxId)
        throw new Error(`demo: no mailbox ${placement.folder} for ${placement.user}`);
      // Delivery takes a few seconds; the author's own copy is filed at once.
      const delay =
        placement.folder === 'sent' || placement.folder === 'drafts' ? 0 : ctx.rng.int(2, 90) * 1000;
      const list = inputs.get(placement.user) ?? [];
      inputs.set(placement.user, list);
      list.push({
        raw,
        mailboxIds: [mailboxId],
        keywords: placement.keywords,
        receivedAt: new Date(Math.min(message.date.getTime() + delay, ctx.now.getTime())),
      });
    }
  }
  for (const [user, list] of inputs) {
    const accountId = accounts.get(user)!.id;
    for (let start = 0; start < list.length; start += maxImportBatchMessages) {
      const results = await store.importMessages(
        accountId,
        list.slice(start, start + maxImportBatchMessages),
      );
      const failure = results.find((r) => r.status === 'failed');
      if (failure) throw failure.error;
      counts[user] = (counts[user] ?? 0) + results.length;
    }
  }
  await store.setMeta(DEMO_SEEDED_META_KEY, new Date().toISOString());
  log.info('demo organisation seeded', { ...counts, ms: Date.now() - started });
  return { seeded: true, generatedPassword: options.password === null ? password : null, messages: counts };
}
