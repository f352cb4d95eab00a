import type { AccountId, Mailbox, MailboxId, MailStore } from '@colibri/mail-store';
import type { Logger } from '../../logger.js';
import type { SieveTarget } from './sieve-plan.js';

/** The account's mailboxes by hierarchical name ("Lists/Colibri") and by id, as Sieve names them. */
export interface MailboxIndex {
  byPath: Map<string, Mailbox>;
  byId: Map<string, Mailbox>;
}

/** RFC 5228 §4.1 / RFC 3501 §5.1: "INBOX" at the top is the inbox whatever its case (and its name). */
function canonicalPath(name: string): string {
  const [first, ...rest] = name.split('/');
  return first !== undefined && first.toUpperCase() === 'INBOX' ? ['INBOX', ...rest].join('/') : name;
}

export function mailboxIndexOf(mailboxes: readonly Mailbox[]): MailboxIndex {
  const byId = new Map<string, Mailbox>(mailboxes.map((m) => [m.id, m]));
  const pathOf = (mailbox: Mailbox, depth = 0): string => {
    const own = mailbox.role === 'inbox' && mailbox.parentId === null ? 'INBOX' : mailbox.name;
    const parent = mailbox.parentId === null ? undefined : byId.get(mailbox.parentId);
    // The store forbids cycles; the depth bound only keeps a corrupt tree from looping here.
    return parent === undefined || depth > 64 ? own : `${pathOf(parent, depth + 1)}/${own}`;
  };
  const byPath = new Map<string, Mailbox>();
  for (const mailbox of mailboxes) byPath.set(pathOf(mailbox), mailbox);
  return { byPath, byId };
}

/** RFC 5490 `mailboxexists` and RFC 9042 `:mailboxid` tests answer from the index. */
export function mailboxExists(index: MailboxIndex, name: string): boolean {
  return index.byPath.has(canonicalPath(name));
}

/**
 * Creates the missing levels of `path` (RFC 5490 `:create`), each under the one before. A level
 * another delivery created meanwhile is found on a second look.
 */
async function createPath(
  store: MailStore,
  accountId: AccountId,
  index: MailboxIndex,
  path: string,
): Promise<Mailbox> {
  const names = canonicalPath(path).split('/');
  let parent: Mailbox | null = null;
  for (let depth = 1; depth <= names.length; depth++) {
    const prefix = names.slice(0, depth).join('/');
    let mailbox = index.byPath.get(prefix);
    if (mailbox === undefined) {
      const input = { name: names[depth - 1]!, parentId: parent?.id ?? null };
      try {
        mailbox = await store.createMailbox(accountId, input);
      } catch (error) {
        const again = mailboxIndexOf(await store.listMailboxes(accountId)).byPath.get(prefix);
        if (again === undefined) throw error;
        mailbox = again;
      }
      index.byPath.set(prefix, mailbox);
      index.byId.set(mailbox.id, mailbox);
    }
    parent = mailbox;
  }
  return parent!;
}

/**
 * The mailboxes of the stored copy: `keep` is the delivery folder; `fileinto` is the mailbox of
 * that id (RFC 9042) when it exists, else of that name, created with `:create` (RFC 5490). A
 * mailbox that does not exist (or cannot be made) means the delivery folder instead: RFC 5228
 * §4.1 lets a failed fileinto keep the message, and losing it is never an option.
 */
export async function resolveTargets(
  store: MailStore,
  accountId: AccountId,
  targets: readonly SieveTarget[],
  keepFolder: Mailbox,
  index: MailboxIndex,
  log: Logger,
): Promise<MailboxId[]> {
  const ids = new Set<MailboxId>();
  for (const target of targets) {
    if (target.kind === 'keep') {
      ids.add(keepFolder.id);
      continue;
    }
    const byId = target.mailboxId === undefined ? undefined : index.byId.get(target.mailboxId);
    let mailbox = byId ?? index.byPath.get(canonicalPath(target.mailbox));
    if (mailbox === undefined && target.create) {
      try {
        mailbox = await createPath(store, accountId, index, target.mailbox);
      } catch (error) {
        log.warn('sieve fileinto :create failed, keeping the message', { accountId, error });
      }
    }
    if (mailbox === undefined)
      log.info('sieve fileinto to a missing mailbox, keeping the message', {
        accountId,
        mailbox: target.mailbox,
      });
    ids.add(mailbox?.id ?? keepFolder.id);
  }
  return [...ids];
}
