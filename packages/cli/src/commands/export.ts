import { open } from 'node:fs/promises';
import type { EmailQuery, MailboxId } from '@colibri/mail-store';
import { takePositionals } from '../args.js';
import { CliError } from '../cli-error.js';
import type { Command } from '../command.js';
import { mboxEntry } from '../mbox-writer.js';
import { resolveAccount } from '../resolve-account.js';

/** Emails fetched per page while exporting (bounds memory, whatever the mailbox size). */
export const exportPageSize = 500;

export const exportCommand: Command = {
  path: ['export'],
  usage: '<email> <file.mbox> [--mailbox Name/Sub] [--force]',
  summary: 'Export mail, oldest first, to an mboxrd file (all mailboxes, or one)',
  options: { mailbox: { type: 'string' }, force: { type: 'boolean' } },
  async run(ctx, { positionals, values }) {
    const [email, file] = takePositionals(this, positionals, 2);
    const store = await ctx.store();
    const account = await resolveAccount(store, email!);
    const query: EmailQuery = { sort: [{ property: 'receivedAt', isAscending: true }] };
    if (typeof values.mailbox === 'string') {
      const boxes = await store.listMailboxes(account.id);
      let parentId: MailboxId | null = null;
      for (const name of values.mailbox.split('/').filter((p) => p !== '')) {
        const box = boxes.find((b) => b.parentId === parentId && b.name.toLowerCase() === name.toLowerCase());
        if (!box) throw new CliError(`No mailbox ${values.mailbox} for ${account.email}`);
        parentId = box.id;
      }
      if (parentId === null) throw new CliError(`No mailbox ${values.mailbox} for ${account.email}`);
      query.filter = { inMailbox: parentId };
    }
    let handle;
    try {
      handle = await open(file!, values.force === true ? 'w' : 'wx');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new CliError(
        code === 'EEXIST' ? `${file} exists; add --force to overwrite it` : `Cannot write ${file}: ${code}`,
      );
    }
    let count = 0;
    try {
      for (let position = 0; ; position += exportPageSize) {
        const page = await store.queryEmails(account.id, { ...query, position, limit: exportPageSize });
        if (page.ids.length === 0) break;
        for (const e of await store.getEmails(account.id, page.ids)) {
          const raw = await store.readBlob(account.id, e.blobId);
          if (!raw) throw new CliError(`The raw message of ${e.id} is missing from the blob store`);
          await handle.write(mboxEntry(raw, e.from?.[0]?.email ?? '', e.receivedAt));
          count += 1;
        }
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    ctx.io.err(`Exported ${count} messages to ${file}\n`);
    return 0;
  },
};
