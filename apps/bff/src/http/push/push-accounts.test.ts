import { describe, expect, it } from 'vitest';
import { MAILBOX_RIGHT_NAMES } from '@colibri/mail-store';
import type { AccountId, MailboxAccess, MailboxId, MailboxShare } from '@colibri/mail-store';
import { pushAccounts } from './push-accounts.js';

const read = Object.fromEntries(MAILBOX_RIGHT_NAMES.map((n) => [n, n === 'mayReadItems'])) as MailboxAccess;
const share = (accountId: string, isSubscribed: boolean): MailboxShare => ({
  accountId: accountId as AccountId,
  mailboxId: 'M1' as MailboxId,
  granteeId: 'Abob' as AccountId,
  rights: read,
  isSubscribed,
});

describe('pushAccounts', () => {
  it('starts with the own account, adds subscribed shared accounts, and follows changes on refresh', async () => {
    let shares: MailboxShare[] = [share('Aalice', true), share('Acarol', false)];
    const accounts = pushAccounts(
      { listSharesWith: async () => shares, listCollectionSharesWith: async () => [] },
      { accountId: 'Abob' as AccountId, username: 'bob@x.test' },
    );
    expect([...accounts.ids]).toEqual(['Abob']);
    await new Promise((resolve) => setImmediate(resolve));
    // RFC 9670 §1.4: an account whose mailboxes the user does not subscribe to gets no pushes.
    expect([...accounts.ids].sort()).toEqual(['Aalice', 'Abob']);
    shares = [];
    accounts.refresh();
    await new Promise((resolve) => setImmediate(resolve));
    expect([...accounts.ids]).toEqual(['Abob']);
  });
});
