import { createHash } from 'node:crypto';
import { Capability } from '@colibri/jmap-types';
import type { CoreCapability, Session, SessionAccount } from '@colibri/jmap-types';
import { ADDRESS_BOOK_RIGHT_NAMES, CALENDAR_RIGHT_NAMES, MAILBOX_RIGHT_NAMES } from '@colibri/mail-store';
import type { AccountId, MailStore } from '@colibri/mail-store';
import { sharedAccountsOf } from './access.js';
import { MAIL_ACCOUNT_CAPABILITY } from './limits.js';
import { BLOB_ACCOUNT_CAPABILITY } from './methods/blob/limits.js';
import { submissionAccountCapability } from './methods/email-submission/capability.js';
import { SIEVE_ACCOUNT_CAPABILITY } from './methods/sieve-script/capability.js';
import { CALENDARS_ACCOUNT_CAPABILITY } from './methods/calendar/capability.js';
import { CONTACTS_ACCOUNT_CAPABILITY } from './methods/address-book/capability.js';
import { SNOOZE_ACCOUNT_CAPABILITY } from './methods/email/snooze.js';
import type { Principal } from './principal.js';

/**
 * RFC 8620 §2: the session `state` must change whenever the rest of the Session object would.
 * What varies per principal is the set of accounts and whether each is read-only, so a hash of
 * those is enough.
 */
export function sessionStateFor(accounts: readonly string[]): string {
  return createHash('sha256')
    .update([...accounts].sort().join('\n'))
    .digest('base64url')
    .slice(0, 16);
}

/** An account of the Session besides the principal's own: one shared with them (RFC 9670). */
export interface SharedSessionAccount {
  accountId: AccountId;
  isReadOnly: boolean;
  /** What is shared there: mailboxes, calendars, address books. */
  mail: boolean;
  calendars: boolean;
  contacts: boolean;
}

type ShareLister = Pick<MailStore, 'listSharesWith' | 'listCollectionSharesWith'>;

/** The rights on a calendar or address book that let a sharee change something. */
const COLLECTION_WRITE_RIGHTS: readonly string[] = [
  ...CALENDAR_RIGHT_NAMES.filter((right) => right !== 'mayReadItems' && right !== 'mayReadFreeBusy'),
  ...ADDRESS_BOOK_RIGHT_NAMES.filter((right) => right !== 'mayRead'),
];

/**
 * RFC 9670 §1.4: the Session lists an account shared with the user while they subscribe to at
 * least one of its mailboxes, or while a calendar or address book of it is shared with them;
 * read-only when no share lets them add, remove or change anything.
 */
async function sharedSessionAccounts(
  store: ShareLister,
  principal: Principal,
  options: { unsubscribedToo?: boolean } = {},
): Promise<SharedSessionAccount[]> {
  const byAccount = new Map<AccountId, SharedSessionAccount>();
  const entry = (accountId: AccountId) => {
    const found = byAccount.get(accountId);
    if (found !== undefined) return found;
    const created = { accountId, isReadOnly: true, mail: false, calendars: false, contacts: false };
    byAccount.set(accountId, created);
    return created;
  };
  for (const [accountId, shares] of await sharedAccountsOf(store, principal)) {
    if (options.unsubscribedToo !== true && !shares.some((share) => share.isSubscribed)) continue;
    const account = entry(accountId);
    account.mail = true;
    if (shares.some(({ rights }) => WRITE_RIGHTS.some((right) => rights[right]))) account.isReadOnly = false;
  }
  for (const share of await store.listCollectionSharesWith(principal.accountId)) {
    if (share.accountId === principal.accountId) continue;
    const account = entry(share.accountId);
    if (share.kind === 'calendar') account.calendars = true;
    else account.contacts = true;
    const rights = share.rights as Readonly<Record<string, boolean>>;
    if (COLLECTION_WRITE_RIGHTS.some((right) => rights[right] === true)) account.isReadOnly = false;
  }
  return [...byAccount.values()].sort((a, b) => a.accountId.localeCompare(b.accountId));
}

/** Every right but reading (and submitting, which a sharee never may): what makes an account writable. */
const WRITE_RIGHTS = MAILBOX_RIGHT_NAMES.filter((right) => right !== 'mayReadItems' && right !== 'maySubmit');

/**
 * The accounts in the principal's Session: their own and those shared with them that they
 * subscribe to. Push (RFC 8620 §7) sends StateChanges for these and no others (RFC 9670 §1.4).
 */
/** The accounts shared with the principal that they subscribe to, with what is shared in each. */
export async function subscribedSharedAccounts(
  store: ShareLister,
  principal: Principal,
): Promise<SharedSessionAccount[]> {
  return sharedSessionAccounts(store, principal);
}

export async function accountIdsOf(store: ShareLister, principal: Principal): Promise<string[]> {
  return [principal.accountId, ...(await sharedSessionAccounts(store, principal)).map((a) => a.accountId)];
}

/** The Session's `state` for the principal as things stand (also each API response's sessionState). */
export async function currentSessionState(store: MailStore, principal: Principal): Promise<string> {
  return stateOf(principal, await sharedSessionAccounts(store, principal));
}

function stateOf(principal: Principal, shared: readonly SharedSessionAccount[]): string {
  return sessionStateFor([
    principal.accountId,
    ...shared.map(
      (a) =>
        `${a.accountId}:${a.isReadOnly ? 'r' : 'w'}:${a.mail ? 'm' : ''}${a.calendars ? 'c' : ''}${a.contacts ? 'a' : ''}`,
    ),
  ]);
}

/** RFC 9670 §1.5.2: principals live in each user's own account. */
const principalsOwner = (principal: Principal, principalId: string) => ({
  [Capability.PrincipalsOwner]: { accountIdForPrincipal: principal.accountId, principalId },
});

/** The Account objects (RFC 8620 §2) of accounts shared with the principal. */
async function sharedAccountObjects(
  store: MailStore,
  principal: Principal,
  shared: readonly SharedSessionAccount[],
): Promise<Record<string, SessionAccount>> {
  const owners = await Promise.all(shared.map((a) => store.getAccount(a.accountId)));
  return Object.fromEntries(
    shared.map(({ accountId, isReadOnly, mail, calendars, contacts }, index) => [
      accountId,
      {
        name: owners[index]?.email ?? accountId,
        isPersonal: false,
        isReadOnly,
        // What is shared only: identities, submission, vacation, Sieve and quotas stay the owner's.
        accountCapabilities: {
          ...(mail
            ? {
                [Capability.Mail]: { ...MAIL_ACCOUNT_CAPABILITY, mayCreateTopLevelMailbox: false },
                [Capability.Blob]: BLOB_ACCOUNT_CAPABILITY,
                // Snoozing there needs the owner's Snoozed mailbox shared with the sharee (snooze.ts).
                [Capability.Snooze]: SNOOZE_ACCOUNT_CAPABILITY,
              }
            : {}),
          // JMAP Calendars §1.4.1 and RFC 9610 §1.4.1: a sharee creates no calendar or book there.
          ...(calendars
            ? { [Capability.Calendars]: { ...CALENDARS_ACCOUNT_CAPABILITY, mayCreateCalendar: false } }
            : {}),
          ...(contacts
            ? { [Capability.Contacts]: { ...CONTACTS_ACCOUNT_CAPABILITY, mayCreateAddressBook: false } }
            : {}),
          ...principalsOwner(principal, accountId),
        },
      },
    ]),
  );
}

/**
 * RFC 9670 §2 Principal `accounts`: the Account objects of every account shared with the
 * principal, subscribed or not, keyed by id (each is its owner's, whose principal id is the id).
 */
export async function accessibleSharedAccounts(
  store: MailStore,
  principal: Principal,
): Promise<Record<string, SessionAccount>> {
  const shared = await sharedSessionAccounts(store, principal, { unsubscribedToo: true });
  return sharedAccountObjects(store, principal, shared);
}

/** The Account object (RFC 8620 §2) of the principal's own account: every capability. */
function ownAccountObject(principal: Principal, name: string): SessionAccount {
  return {
    name,
    isPersonal: true,
    isReadOnly: false,
    accountCapabilities: {
      [Capability.Mail]: MAIL_ACCOUNT_CAPABILITY,
      [Capability.VacationResponse]: {},
      [Capability.Quota]: {},
      [Capability.Blob]: BLOB_ACCOUNT_CAPABILITY,
      [Capability.Submission]: submissionAccountCapability(new Date()),
      [Capability.Mdn]: {},
      [Capability.Sieve]: SIEVE_ACCOUNT_CAPABILITY,
      [Capability.Contacts]: CONTACTS_ACCOUNT_CAPABILITY,
      [Capability.Principals]: { currentUserPrincipalId: principal.accountId },
      [Capability.Snooze]: SNOOZE_ACCOUNT_CAPABILITY,
      [Capability.Calendars]: CALENDARS_ACCOUNT_CAPABILITY,
      [Capability.CalendarProposals]: {},
      ...principalsOwner(principal, principal.accountId),
    },
  };
}

/** The principal's own Account object, as the Session shows it. */
export async function buildOwnAccount(store: MailStore, principal: Principal): Promise<SessionAccount> {
  const account = await store.getAccount(principal.accountId);
  return ownAccountObject(principal, account?.email ?? principal.username);
}

/** RFC 8620 §2: the Session resource, with absolute URLs built on `baseUrl` (no trailing slash). */
export async function buildSession(
  store: MailStore,
  limits: CoreCapability,
  principal: Principal,
  baseUrl: string,
): Promise<Session> {
  const base = baseUrl.replace(/\/+$/, '');
  const account = await store.getAccount(principal.accountId);
  const shared = await sharedSessionAccounts(store, principal);
  const sharedAccounts = await sharedAccountObjects(store, principal, shared);
  return {
    capabilities: {
      [Capability.Core]: limits,
      // RFC 8621 §1.3.1: the mail capability's Session value is an empty object.
      [Capability.Mail]: {},
      // RFC 8621 §1.3.3 and RFC 9425 §3: empty objects, in the Session and in the account.
      [Capability.VacationResponse]: {},
      [Capability.Quota]: {},
      // RFC 9404 §4: the blob capability's Session value is an empty object too.
      [Capability.Blob]: {},
      // RFC 8621 §1.3.2: the submission capability's Session value is an empty object too.
      [Capability.Submission]: {},
      // RFC 9007 §3: empty objects, in the Session and in the account.
      [Capability.Mdn]: {},
      // RFC 9661 §1.2: an empty object in the Session; the limits are per account.
      [Capability.Sieve]: {},
      // RFC 9610 §1.4.1: an empty object in the Session; the limits are per account.
      [Capability.Contacts]: {},
      // RFC 9670 §1.5.1: an empty object in the Session.
      [Capability.Principals]: {},
      // RFC 8887 §4.1: the WebSocket endpoint (ws/wss on the same origin), push included.
      [Capability.WebSocket]: { url: `${base.replace(/^http/, 'ws')}/jmap/ws`, supportsPush: true },
      // Email `snoozed` (CONTEXT.md): an empty object here; the limit is per account.
      [Capability.Snooze]: {},
      // JMAP Calendars §1.4: an empty object in the Session; the limits are per account.
      [Capability.Calendars]: {},
      // Counter-proposals (CalendarEventProposal): no limits beyond the calendars'.
      [Capability.CalendarProposals]: {},
    },
    accounts: {
      [principal.accountId]: ownAccountObject(principal, account?.email ?? principal.username),
      ...sharedAccounts,
    },
    primaryAccounts: {
      [Capability.Mail]: principal.accountId,
      [Capability.VacationResponse]: principal.accountId,
      [Capability.Quota]: principal.accountId,
      [Capability.Blob]: principal.accountId,
      [Capability.Submission]: principal.accountId,
      [Capability.Mdn]: principal.accountId,
      [Capability.Sieve]: principal.accountId,
      [Capability.Contacts]: principal.accountId,
      [Capability.Principals]: principal.accountId,
      [Capability.Snooze]: principal.accountId,
      [Capability.Calendars]: principal.accountId,
      [Capability.CalendarProposals]: principal.accountId,
    },
    username: principal.username,
    apiUrl: `${base}/jmap/api`,
    // RFC 8620 §6.2 and §7.3: URI templates (RFC 6570 level 1), expanded by the client.
    downloadUrl: `${base}/jmap/download/{accountId}/{blobId}/{name}?accept={type}`,
    uploadUrl: `${base}/jmap/upload/{accountId}/`,
    eventSourceUrl: `${base}/jmap/eventsource?types={types}&closeafter={closeafter}&ping={ping}`,
    state: stateOf(principal, shared),
  };
}
