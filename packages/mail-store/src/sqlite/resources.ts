import { InvalidInputError, NotFoundError } from '../errors.js';
import type { Account, AccountId } from '../model.js';
import { setCollectionShares } from './collection-shares.js';
import * as calendars from './calendars/calendars.js';
import * as directory from './directory.js';
import { insertAccount } from './new-account.js';
import type { Migration } from './migrations.js';
import type { Db } from './open-database.js';

/** RFC 9670 §2 principal types: a room is a `location`, equipment a `resource`. */
export type ResourceKind = 'room' | 'equipment';

/**
 * How a resource answers an invitation. Both decline when the resource is busy;
 * `auto` accepts when free, `approval` leaves the request needs-action for the approver.
 */
export type BookingPolicy = 'auto' | 'approval';

export const RESOURCE_KINDS: readonly ResourceKind[] = ['room', 'equipment'];
export const BOOKING_POLICIES: readonly BookingPolicy[] = ['auto', 'approval'];

/**
 * A bookable resource (room or equipment): an account with no login (its password hash can never
 * match) and no mailbox, whose default calendar holds its bookings. `approverId` is the user who
 * answers requests under the `approval` policy (null once that user is deleted).
 */
export interface BookableResource {
  accountId: AccountId;
  email: string;
  displayName: string;
  kind: ResourceKind;
  policy: BookingPolicy;
  approverId: AccountId | null;
  createdAt: Date;
}

export interface CreateResourceInput {
  email: string;
  displayName: string;
  kind: ResourceKind;
  policy: BookingPolicy;
  approverId?: AccountId | null;
}

/**
 * The rights an approver gets on the resource's calendar (RFC 9670 sharing, JMAP Calendars §4):
 * see the requests and answer them for the resource (mayRSVP), nothing else.
 */
export const APPROVER_RIGHTS = { mayReadFreeBusy: true, mayReadItems: true, mayRSVP: true } as const;

/** Not a scrypt hash (`verifyPassword` refuses it): a resource never logs in. */
const NO_LOGIN = '!resource';

interface Row {
  account_id: string;
  email: string;
  display_name: string;
  kind: string;
  policy: string;
  approver_id: string | null;
  created_at: number;
}

const toResource = (r: Row): BookableResource => ({
  accountId: r.account_id as AccountId,
  email: r.email,
  displayName: r.display_name,
  kind: r.kind as ResourceKind,
  policy: r.policy as BookingPolicy,
  approverId: r.approver_id as AccountId | null,
  createdAt: new Date(r.created_at),
});

const SELECT = `SELECT r.account_id, a.email, a.display_name, r.kind, r.policy, r.approver_id, r.created_at
  FROM resources r JOIN accounts a ON a.id = r.account_id`;

function checkInput(db: Db, input: CreateResourceInput, domainId: string): void {
  if (!RESOURCE_KINDS.includes(input.kind))
    throw new InvalidInputError(`Unknown resource kind: ${input.kind}`);
  if (!BOOKING_POLICIES.includes(input.policy))
    throw new InvalidInputError(`Unknown booking policy: ${input.policy}`);
  if (input.displayName.trim() === '') throw new InvalidInputError('A resource needs a name');
  if (input.policy === 'approval' && !input.approverId)
    throw new InvalidInputError('The approval policy needs an approver');
  if (!input.approverId) return;
  const approver = directory.getAccount(db, input.approverId);
  if (!approver) throw new InvalidInputError(`No approver ${input.approverId}`);
  if (approver.domainId !== domainId)
    throw new InvalidInputError('The approver must be a user of the resource’s domain');
  if (db.prepare('SELECT 1 FROM resources WHERE account_id = ?').get(approver.id))
    throw new InvalidInputError('A resource cannot approve for another');
}

/**
 * Creates the resource's account (no login), its default identity (its calendar address) and
 * calendar, and its booking policy, sharing the calendar with the approver: one transaction.
 */
export function createResource(db: Db, input: CreateResourceInput): BookableResource {
  return db
    .transaction(() => {
      const domain = directory.findDomain(db, input.email.slice(input.email.lastIndexOf('@') + 1));
      if (domain) checkInput(db, input, domain.id);
      const account: Account = insertAccount(db, {
        email: input.email,
        displayName: input.displayName.trim(),
        passwordHash: NO_LOGIN,
      });
      checkInput(db, input, account.domainId);
      db.prepare(
        `INSERT INTO resources (account_id, kind, policy, approver_id, created_at) VALUES (?, ?, ?, ?, ?)`,
      ).run(account.id, input.kind, input.policy, input.approverId ?? null, account.createdAt.getTime());
      if (input.approverId) {
        const calendar = calendars.listCalendars(db, account.id)[0];
        if (!calendar) throw new NotFoundError('The resource’s calendar');
        setCollectionShares(
          db,
          account.id,
          'calendar',
          calendar.id,
          new Map([[input.approverId, APPROVER_RIGHTS]]),
        );
      }
      return getResource(db, account.id) as BookableResource;
    })
    .immediate();
}

/** The resource behind this account, or null when the account is a person's (or unknown). */
export function getResource(db: Db, accountId: AccountId): BookableResource | null {
  const row = db.prepare(`${SELECT} WHERE r.account_id = ?`).get(accountId) as Row | undefined;
  return row ? toResource(row) : null;
}

/** Every resource, by address. */
export function listResources(db: Db): BookableResource[] {
  return (db.prepare(`${SELECT} ORDER BY a.email`).all() as Row[]).map(toResource);
}

/**
 * Migration 42: bookable resources (rooms, equipment), each an account with a booking policy.
 * Deleting the account drops the row; deleting the approver leaves the resource without one.
 * Part of a released migration once merged: never change it, add one.
 */
export const resourcesMigration: Migration = {
  version: 42,
  name: 'bookable resources',
  sql: `
    CREATE TABLE resources (
      account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('room', 'equipment')),
      policy TEXT NOT NULL CHECK (policy IN ('auto', 'approval')),
      approver_id TEXT REFERENCES accounts(id) ON DELETE SET NULL,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX resources_approver ON resources(approver_id);
  `,
};
