import type { AccountId, Mailbox, MailboxId, MailStore } from '@colibri/mail-store';
import { CliError } from './cli-error.js';

/**
 * Finds (creating what is missing) mailboxes by path (`Archive/2019`) in one account; names
 * compare case-insensitively, so `INBOX` and `.Sent` land in the existing Inbox and Sent.
 */
export function createMailboxResolver(store: MailStore, accountId: AccountId) {
  let boxes: Mailbox[] | null = null;
  const cache = new Map<string, MailboxId>();
  const childOf = (parentId: MailboxId | null, name: string) =>
    boxes!.find((b) => b.parentId === parentId && b.name.toLowerCase() === name.toLowerCase());

  return async (path: string[]): Promise<MailboxId> => {
    const key = path.join('/').toLowerCase();
    const known = cache.get(key);
    if (known) return known;
    boxes ??= await store.listMailboxes(accountId);
    if (path.length === 0) {
      const inbox = boxes.find((b) => b.role === 'inbox');
      if (!inbox) throw new CliError('The user has no Inbox; give --mailbox');
      cache.set(key, inbox.id);
      return inbox.id;
    }
    let parentId: MailboxId | null = null;
    for (const name of path) {
      let box = childOf(parentId, name);
      if (!box) {
        box = await store.createMailbox(accountId, { name, parentId });
        boxes.push(box);
      }
      parentId = box.id;
    }
    cache.set(key, parentId!);
    return parentId!;
  };
}

/** `Archive/2019` → ['Archive', '2019']; the Inbox when absent. */
export function mailboxPath(option: string | undefined): string[] {
  return option === undefined ? [] : option.split('/').filter((p) => p.trim() !== '');
}
