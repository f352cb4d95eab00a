import { Capability } from '@colibri/jmap-types';
import type { Id, Session } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import { expectMethodError } from './support/expect-jmap.js';
import { allMail, expandTemplate, fetchSession } from './support/jmap-raw.js';
import type { JmapAccount } from './support/jmap-raw.js';
import { importMessage, mailboxesByRole, rfc822 } from './support/mail.js';

const sharing = [...allMail, Capability.Principals];

const RIGHTS = [
  'mayReadItems',
  'mayAddItems',
  'mayRemoveItems',
  'maySetSeen',
  'maySetKeywords',
  'mayCreateChild',
  'mayRename',
  'mayDelete',
  'maySubmit',
] as const;
type Right = (typeof RIGHTS)[number] | 'mayShare';

/** A MailboxRights object granting exactly these (RFC 8621 §2.4). */
const rights = (...granted: Right[]) =>
  Object.fromEntries([...RIGHTS, 'mayShare'].map((name) => [name, granted.includes(name as Right)]));

async function share(owner: JmapAccount, mailboxId: Id, principalId: Id, granted: Right[] | null) {
  const result = await owner.ok<{ updated: Record<Id, unknown> | null; notUpdated: unknown }>(
    'Mailbox/set',
    {
      accountId: owner.accountId,
      update: { [mailboxId]: { [`shareWith/${principalId}`]: granted && rights(...granted) } },
    },
    sharing,
  );
  expect(result.notUpdated ?? null).toBeNull();
}

const sessionOf = (account: JmapAccount): Promise<Session> =>
  fetchSession(new URL(account.session.apiUrl).origin, account.authorization);

test.describe('RFC 9670 JMAP Sharing, applied to mailboxes', () => {
  test('RFC 9670 §1.5: the Session announces principals; the own account names its principal', async ({
    account,
  }) => {
    const session = await sessionOf(account);
    expect(session.capabilities[Capability.Principals]).toEqual({});
    const own = session.accounts[account.accountId]!;
    expect(own.accountCapabilities[Capability.Principals]).toEqual({
      currentUserPrincipalId: expect.any(String),
    });
    const ownerCap = own.accountCapabilities[Capability.PrincipalsOwner] as Record<string, string>;
    expect(ownerCap.accountIdForPrincipal).toBe(account.accountId);
    expect(ownerCap.principalId).toBe(
      (own.accountCapabilities[Capability.Principals] as Record<string, string>).currentUserPrincipalId,
    );
  });

  test('RFC 9670 §2.1/§2.4: Principal/get and /query find the other users of the organisation', async ({
    account,
    newAccount,
  }) => {
    const other = await newAccount();
    const found = await account.ok<{ ids: Id[] }>(
      'Principal/query',
      { accountId: account.accountId, filter: { email: other.email } },
      sharing,
    );
    expect(found.ids).toHaveLength(1);
    const got = await account.ok<{ list: Record<string, unknown>[]; notFound: Id[] }>(
      'Principal/get',
      { accountId: account.accountId, ids: [...found.ids, 'Pnothere'] },
      sharing,
    );
    expect(got.list[0]).toMatchObject({
      id: found.ids[0],
      type: 'individual',
      email: other.email,
      accounts: null,
    });
    expect(got.notFound).toEqual(['Pnothere']);
    const text = await account.ok<{ ids: Id[] }>(
      'Principal/query',
      { accountId: account.accountId, filter: { text: other.email.slice(0, 12) } },
      sharing,
    );
    expect(text.ids).toContain(found.ids[0]);
  });

  test('RFC 9670 §2.3: Principal/set is refused with forbidden, the directory is not the client’s', async ({
    account,
  }) => {
    const result = await account.ok<{ notCreated: Record<string, { type: string }> }>(
      'Principal/set',
      { accountId: account.accountId, create: { p: { type: 'individual', name: 'Mallory' } } },
      sharing,
    );
    expect(result.notCreated.p?.type).toBe('forbidden');
  });

  test('RFC 9670 §1.4/§4: sharing a mailbox opens the owner’s account to the sharee, with its rights only', async ({
    account,
    newAccount,
  }) => {
    const bob = await newAccount();
    const { inbox, archive } = await mailboxesByRole(account);
    const shared = await importMessage(account, rfc822({ subject: 'Shared one' }), [inbox!]);
    const secret = await importMessage(account, rfc822({ subject: 'Secret one' }), [archive!]);
    // Before: bob cannot reach alice's account at all.
    expectMethodError(
      await bob.invoke('Mailbox/get', { accountId: account.accountId, ids: null }, sharing),
      'accountNotFound',
    );
    const before = (await sessionOf(bob)).state;

    await share(account, inbox!, bob.accountId, ['mayReadItems']);
    const session = await sessionOf(bob);
    expect(session.state).not.toBe(before);
    expect(session.accounts[account.accountId]).toMatchObject({ isPersonal: false, isReadOnly: true });

    const mailboxes = await bob.ok<{ list: Record<string, unknown>[] }>(
      'Mailbox/get',
      { accountId: account.accountId, ids: null },
      sharing,
    );
    expect(mailboxes.list.map((m) => m.id)).toEqual([inbox]);
    expect(mailboxes.list[0]).toMatchObject({
      myRights: rights('mayReadItems'),
      isSubscribed: true,
      shareWith: null,
    });

    // The owner sees who the mailbox is shared with.
    const own = await account.ok<{ list: Record<string, unknown>[] }>(
      'Mailbox/get',
      { accountId: account.accountId, ids: [inbox!], properties: ['shareWith'] },
      sharing,
    );
    expect(own.list[0]?.shareWith).toEqual({ [bob.accountId]: rights('mayReadItems') });

    const query = await bob.ok<{ ids: Id[] }>('Email/query', { accountId: account.accountId }, sharing);
    expect(query.ids).toEqual([shared.id]);
    const emails = await bob.ok<{ list: Record<string, unknown>[]; notFound: Id[] }>(
      'Email/get',
      { accountId: account.accountId, ids: [shared.id, secret.id], properties: ['subject', 'mailboxIds'] },
      sharing,
    );
    expect(emails.list).toEqual([{ id: shared.id, subject: 'Shared one', mailboxIds: { [inbox!]: true } }]);
    expect(emails.notFound).toEqual([secret.id]);

    // Read-only: no keyword, no move, no destroy.
    const set = await bob.ok<{
      notUpdated: Record<Id, { type: string }>;
      notDestroyed: Record<Id, { type: string }>;
    }>(
      'Email/set',
      {
        accountId: account.accountId,
        update: { [shared.id]: { 'keywords/$seen': true } },
        destroy: [shared.id, secret.id],
      },
      sharing,
    );
    expect(set.notUpdated[shared.id]?.type).toBe('forbidden');
    expect(set.notDestroyed[shared.id]?.type).toBe('forbidden');
    expect(set.notDestroyed[secret.id]?.type).toBe('notFound');
  });

  test('RFC 8621 §2.4: maySetSeen lets a sharee mark read; mayAddItems lets them add; rights are per right', async ({
    account,
    newAccount,
  }) => {
    const bob = await newAccount();
    const { inbox } = await mailboxesByRole(account);
    const email = await importMessage(account, rfc822({ subject: 'Team' }), [inbox!]);
    await share(account, inbox!, bob.accountId, ['mayReadItems', 'maySetSeen', 'mayAddItems']);
    const marked = await bob.ok<{ updated: Record<Id, unknown> | null; notUpdated: unknown }>(
      'Email/set',
      { accountId: account.accountId, update: { [email.id]: { 'keywords/$seen': true } } },
      sharing,
    );
    expect(marked.updated).toHaveProperty(email.id);
    const flagged = await bob.ok<{ notUpdated: Record<Id, { type: string }> }>(
      'Email/set',
      { accountId: account.accountId, update: { [email.id]: { 'keywords/$flagged': true } } },
      sharing,
    );
    expect(flagged.notUpdated[email.id]?.type).toBe('forbidden');

    // An upload to the shared account, imported into the shared mailbox.
    const blob = await bob.upload(rfc822({ subject: 'From bob' }), 'message/rfc822', account.accountId);
    expect(blob.accountId).toBe(account.accountId);
    const imported = await bob.ok<{ created: Record<string, { id: Id }> | null; notCreated: unknown }>(
      'Email/import',
      {
        accountId: account.accountId,
        emails: { i: { blobId: blob.blobId, mailboxIds: { [inbox!]: true } } },
      },
      sharing,
    );
    expect(imported.notCreated ?? null).toBeNull();
    const seenByAlice = await account.ok<{ list: { subject: string }[] }>(
      'Email/get',
      { accountId: account.accountId, ids: [imported.created!.i!.id], properties: ['subject'] },
      sharing,
    );
    expect(seenByAlice.list[0]?.subject).toBe('From bob');
  });

  test('RFC 8620 §5.4 with RFC 9670: Email/copy from a shared account into the sharee’s own', async ({
    account,
    newAccount,
  }) => {
    const bob = await newAccount();
    const { inbox } = await mailboxesByRole(account);
    const original = await importMessage(account, rfc822({ subject: 'Copy me' }), [inbox!]);
    await share(account, inbox!, bob.accountId, ['mayReadItems']);
    const mine = await mailboxesByRole(bob);
    const copied = await bob.ok<{
      created: Record<string, { id: Id; blobId: Id }> | null;
      notCreated: unknown;
    }>(
      'Email/copy',
      {
        fromAccountId: account.accountId,
        accountId: bob.accountId,
        create: { c: { id: original.id, mailboxIds: { [mine.inbox!]: true } } },
      },
      sharing,
    );
    expect(copied.notCreated ?? null).toBeNull();
    expect(copied.created?.c?.blobId).toBe(original.blobId);
    // RFC 8620 §6.2: the blob of a shared email downloads from the shared account too.
    const fromShared = await fetch(
      expandTemplate(bob.session.downloadUrl, {
        accountId: account.accountId,
        blobId: original.blobId,
        name: 'm.eml',
        type: 'message/rfc822',
      }),
      { headers: { Authorization: bob.authorization } },
    );
    expect(fromShared.status).toBe(200);
    expect(await fromShared.text()).toContain('Copy me');
  });

  test('RFC 9670 §1.4: a sharee’s isSubscribed is their own; unsubscribing everything drops the account from the Session', async ({
    account,
    newAccount,
  }) => {
    const bob = await newAccount();
    const { inbox } = await mailboxesByRole(account);
    await share(account, inbox!, bob.accountId, ['mayReadItems']);
    await bob.ok(
      'Mailbox/set',
      { accountId: account.accountId, update: { [inbox!]: { isSubscribed: false } } },
      sharing,
    );
    expect((await sessionOf(bob)).accounts[account.accountId]).toBeUndefined();
    // Still accessible (RFC 9670 §1.4: the Principal gives the account), and the owner's flag is untouched.
    const theirs = await bob.ok<{ list: { isSubscribed: boolean }[] }>(
      'Mailbox/get',
      { accountId: account.accountId, ids: [inbox!], properties: ['isSubscribed'] },
      sharing,
    );
    expect(theirs.list[0]?.isSubscribed).toBe(false);
    const owners = await account.ok<{ list: { isSubscribed: boolean }[] }>(
      'Mailbox/get',
      { accountId: account.accountId, ids: [inbox!], properties: ['isSubscribed'] },
      sharing,
    );
    expect(owners.list[0]?.isSubscribed).toBe(true);
  });

  test('RFC 9670 §4: only the owner or a sharee with mayShare changes shareWith; unsharing closes the account', async ({
    account,
    newAccount,
  }) => {
    const bob = await newAccount();
    const carol = await newAccount();
    const { inbox } = await mailboxesByRole(account);
    await share(account, inbox!, bob.accountId, ['mayReadItems']);
    const refused = await bob.ok<{ notUpdated: Record<Id, { type: string }> }>(
      'Mailbox/set',
      {
        accountId: account.accountId,
        update: { [inbox!]: { [`shareWith/${carol.accountId}`]: rights('mayReadItems') } },
      },
      sharing,
    );
    expect(refused.notUpdated[inbox!]?.type).toBe('forbidden');
    const self = await account.ok<{ notUpdated: Record<Id, { type: string }> }>(
      'Mailbox/set',
      {
        accountId: account.accountId,
        update: { [inbox!]: { [`shareWith/${account.accountId}`]: rights('mayReadItems') } },
      },
      sharing,
    );
    expect(self.notUpdated[inbox!]?.type).toBe('invalidProperties');

    await share(account, inbox!, bob.accountId, null);
    expectMethodError(
      await bob.invoke('Email/query', { accountId: account.accountId }, sharing),
      'accountNotFound',
    );
    // Methods only the owner may use answer accountNotSupportedByMethod in a shared account.
    await share(account, inbox!, bob.accountId, ['mayReadItems']);
    expectMethodError(
      await bob.invoke('Identity/get', { accountId: account.accountId }, sharing),
      'accountNotSupportedByMethod',
    );
  });

  test('RFC 9670 §3: a sharee is told of a share change; they may dismiss the notification, not make one', async ({
    account,
    newAccount,
  }) => {
    const bob = await newAccount();
    const { inbox } = await mailboxesByRole(account);
    await share(account, inbox!, bob.accountId, ['mayReadItems']);
    const query = await bob.ok<{ ids: Id[]; queryState: string }>(
      'ShareNotification/query',
      { accountId: bob.accountId, filter: { objectAccountId: account.accountId } },
      sharing,
    );
    expect(query.ids).toHaveLength(1);
    const got = await bob.ok<{ list: Record<string, unknown>[] }>(
      'ShareNotification/get',
      { accountId: bob.accountId, ids: query.ids },
      sharing,
    );
    expect(got.list[0]).toMatchObject({
      objectType: 'Mailbox',
      objectAccountId: account.accountId,
      objectId: inbox,
      changedBy: { email: account.email },
      oldRights: null,
      newRights: rights('mayReadItems'),
    });
    expect(typeof got.list[0]?.created).toBe('string');
    // The owner, who made the change, is not notified.
    const owners = await account.ok<{ ids: Id[] }>(
      'ShareNotification/query',
      { accountId: account.accountId },
      sharing,
    );
    expect(owners.ids).toEqual([]);

    const set = await bob.ok<{
      destroyed: Id[] | null;
      notCreated: Record<string, { type: string }>;
      notUpdated: Record<string, { type: string }>;
    }>(
      'ShareNotification/set',
      {
        accountId: bob.accountId,
        create: { n: { objectType: 'Mailbox' } },
        update: { [query.ids[0]!]: { name: 'x' } },
        destroy: [query.ids[0]],
      },
      sharing,
    );
    expect(set.notCreated.n?.type).toBe('forbidden');
    expect(set.notUpdated[query.ids[0]!]?.type).toBe('forbidden');
    expect(set.destroyed).toEqual(query.ids);
    const changes = await bob.ok<{ removed: Id[]; added: unknown[] }>(
      'ShareNotification/queryChanges',
      {
        accountId: bob.accountId,
        filter: { objectAccountId: account.accountId },
        sinceQueryState: query.queryState,
      },
      sharing,
    );
    expect(changes.removed).toEqual(query.ids);
    expect(changes.added).toEqual([]);
  });
});
