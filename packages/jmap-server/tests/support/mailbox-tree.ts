import type { AccountId, MailboxId } from '@colibri/mail-store';
import type { Fixture } from './fixture.js';

/**
 * Adds to alice's Inbox (sortOrder 1, inbox) and Archive (2, archive): Projects (3) with children
 * Alpha (0, unsubscribed; its child Beta) and colibri (0), and Trash (3, trash). Names by id.
 */
export async function addMailboxTree(f: Fixture): Promise<Record<string, MailboxId>> {
  const account = f.alice.accountId as AccountId;
  const create = f.store.createMailbox.bind(f.store, account);
  const projects = await create({ name: 'Projects', sortOrder: 3 });
  const alpha = await create({ name: 'Alpha', parentId: projects.id, isSubscribed: false });
  const beta = await create({ name: 'Beta', parentId: alpha.id });
  const colibri = await create({ name: 'colibri', parentId: projects.id });
  const trash = await create({ name: 'Trash', sortOrder: 3, role: 'trash' });
  return {
    Inbox: f.inbox.id,
    Archive: f.archive.id,
    Projects: projects.id,
    Alpha: alpha.id,
    Beta: beta.id,
    colibri: colibri.id,
    Trash: trash.id,
  };
}
