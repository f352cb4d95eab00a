import type { Id } from '@colibri/jmap-types';
import type { MailboxSummary } from '../api/get-mailboxes';
import { flattenMailboxTree } from '../lib/mailbox-tree';

/** The mailboxes as <option>s of a native select, indented by depth, some left out. */
export function MailboxOptions({
  mailboxes,
  exclude,
}: {
  mailboxes: readonly MailboxSummary[];
  exclude: ReadonlySet<Id>;
}) {
  return flattenMailboxTree(mailboxes)
    .filter(({ mailbox }) => !exclude.has(mailbox.id))
    .map(({ mailbox, depth }) => (
      <option key={mailbox.id} value={mailbox.id}>
        {`${'\u00a0\u00a0'.repeat(depth)}${mailbox.name}`}
      </option>
    ));
}
