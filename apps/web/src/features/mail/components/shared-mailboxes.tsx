import { useId } from 'react';
import type { Id, Session } from '@colibri/jmap-types';
import { useMailboxes } from '../api/get-mailboxes';
import { sharedMailAccounts } from '../lib/shared-accounts';
import type { SharedMailAccount } from '../lib/shared-accounts';
import { sharingMessages } from '../sharing-messages';
import { MailboxTree } from './mailbox-tree';

export interface AccountMailboxTreeProps {
  accountId: Id;
  selectedId: Id | undefined;
  labelledBy: string;
  onSelect: (mailboxId: Id) => void;
  /** Only for the account on screen: the list's rows can be dropped on its folders. */
  onDropEmails?: ((mailboxId: Id, emailIds: Id[]) => void) | undefined;
}

/** One account's folders with their unread counts (RFC 8621 §2), as the tree shows them. */
export function AccountMailboxTree({ accountId, ...tree }: AccountMailboxTreeProps) {
  const mailboxes = useMailboxes(accountId);
  if (mailboxes.isError) return <p className="mail__tree-status">{sharingMessages.sharedError}</p>;
  if (!mailboxes.data) return <p className="mail__tree-status">{sharingMessages.sharedLoading}</p>;
  return <MailboxTree mailboxes={mailboxes.data} {...tree} />;
}

export interface SharedMailboxesProps {
  session: Session;
  /** The shared folder on screen, if any. */
  selected: { accountId: Id; mailboxId: Id } | undefined;
  onSelect: (accountId: Id, mailboxId: Id) => void;
  onDropEmails: (mailboxId: Id, emailIds: Id[]) => void;
}

/**
 * "Shared with me": one section per account other people share with the user (RFC 9670 §1.4:
 * they are in the Session's accounts), named after it, with the folders the user may see.
 */
export function SharedMailboxes({ session, selected, onSelect, onDropEmails }: SharedMailboxesProps) {
  return sharedMailAccounts(session).map((account) => (
    <SharedAccount
      key={account.accountId}
      account={account}
      selectedId={selected?.accountId === account.accountId ? selected.mailboxId : undefined}
      onSelect={(mailboxId) => onSelect(account.accountId, mailboxId)}
      onDropEmails={selected?.accountId === account.accountId ? onDropEmails : undefined}
    />
  ));
}

function SharedAccount({
  account,
  ...tree
}: { account: SharedMailAccount } & Omit<AccountMailboxTreeProps, 'accountId' | 'labelledBy'>) {
  const headingId = useId();
  return (
    <section className="mail__shared" aria-labelledby={headingId}>
      <h2 id={headingId} className="mail__pane-heading">
        {sharingMessages.sharedWithMe(account.name)}
      </h2>
      <AccountMailboxTree accountId={account.accountId} labelledBy={headingId} {...tree} />
    </section>
  );
}
