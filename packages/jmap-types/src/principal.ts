import type {
  ChangesArgs,
  ChangesResult,
  GetArgs,
  GetResult,
  Id,
  QueryArgs,
  QueryChangesArgs,
  QueryChangesResult,
  QueryResult,
  SetArgs,
  SessionAccount,
  SetResult,
  UTCDate,
} from './core.js';

/** RFC 9670 §1.5.1: the account capability `urn:ietf:params:jmap:principals`. */
export interface PrincipalsAccountCapability {
  /** The principal of this account that is the user fetching it, if any. */
  currentUserPrincipalId: Id | null;
}

/** RFC 9670 §1.5.2: the account capability `urn:ietf:params:jmap:principals:owner`. */
export interface PrincipalsOwnerAccountCapability {
  /** The account (with the principals capability) that holds the owner's Principal. */
  accountIdForPrincipal: Id;
  principalId: Id;
}

export type PrincipalType = 'individual' | 'group' | 'resource' | 'location' | 'other';

/** RFC 9670 §2: a Principal. */
export interface Principal {
  id: Id;
  type: PrincipalType;
  name: string;
  description: string | null;
  email: string | null;
  timeZone: string | null;
  capabilities: Record<string, Record<string, unknown>>;
  /** The accounts with this principal's data that the user may access, or null if none. */
  accounts: Record<Id, SessionAccount> | null;
}
export type PrincipalProperty = keyof Principal;

/** RFC 9670 §2.4.1: Principal/query filter. */
export interface PrincipalFilterCondition {
  accountIds?: Id[];
  email?: string;
  name?: string;
  text?: string;
  type?: PrincipalType;
  timeZone?: string;
}

/** RFC 9670 §3.2: a ShareNotification. */
export interface ShareNotification {
  id: Id;
  created: UTCDate;
  changedBy: { name: string; email: string | null; principalId: Id | null };
  objectType: string;
  objectAccountId: Id;
  objectId: Id;
  name: string;
  oldRights: Record<string, boolean> | null;
  newRights: Record<string, boolean> | null;
}
export type ShareNotificationProperty = keyof ShareNotification;

/** RFC 9670 §3.6.1: ShareNotification/query filter. */
export interface ShareNotificationFilterCondition {
  after?: UTCDate | null;
  before?: UTCDate | null;
  objectType?: string;
  objectAccountId?: Id;
}

/** JMAP Calendars §2.2: a time the principal is busy, from Principal/getAvailability. */
export interface BusyPeriod {
  utcStart: UTCDate;
  utcEnd: UTCDate;
  busyStatus: 'confirmed' | 'tentative' | 'unavailable';
  /** The event (or occurrence) behind it, when details were asked for and may be seen; else null. */
  event: Record<string, unknown> | null;
}

/** JMAP Calendars §2.2: Principal/getAvailability's arguments. */
export interface GetAvailabilityArgs {
  accountId: Id;
  id: Id;
  utcStart: UTCDate;
  utcEnd: UTCDate;
  showDetails?: boolean;
  eventProperties?: string[] | null;
}

export interface PrincipalMethods {
  'ShareNotification/get': {
    args: GetArgs<ShareNotificationProperty>;
    result: GetResult<Partial<ShareNotification>>;
  };
  'ShareNotification/changes': { args: ChangesArgs; result: ChangesResult };
  'ShareNotification/set': { args: SetArgs<ShareNotification>; result: SetResult<ShareNotification> };
  'ShareNotification/query': { args: QueryArgs<ShareNotificationFilterCondition>; result: QueryResult };
  'ShareNotification/queryChanges': {
    args: QueryChangesArgs<ShareNotificationFilterCondition>;
    result: QueryChangesResult;
  };
  'Principal/get': { args: GetArgs<PrincipalProperty>; result: GetResult<Partial<Principal>> };
  'Principal/changes': { args: ChangesArgs; result: ChangesResult };
  'Principal/set': { args: SetArgs<Principal>; result: SetResult<Principal> };
  'Principal/query': { args: QueryArgs<PrincipalFilterCondition>; result: QueryResult };
  'Principal/queryChanges': { args: QueryChangesArgs<PrincipalFilterCondition>; result: QueryChangesResult };
  'Principal/getAvailability': { args: GetAvailabilityArgs; result: { list: BusyPeriod[] } };
}
