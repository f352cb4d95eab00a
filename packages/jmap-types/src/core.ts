import type { CapabilityUrn, CoreCapability, MailAccountCapability } from './capabilities.js';

/** RFC 8620 §1.2: an Id is 1-255 chars of base64url. Branded so that only the store makes them. */
export type Id = string & { readonly __brand?: 'Id' };
/** RFC 8620 §1.4: a UTCDate such as "2014-10-30T06:12:00Z". */
export type UTCDate = string;

/** RFC 8620 §2: an account in the Session object. */
export interface SessionAccount {
  name: string;
  isPersonal: boolean;
  isReadOnly: boolean;
  accountCapabilities: Partial<Record<CapabilityUrn, unknown>> & {
    'urn:ietf:params:jmap:mail'?: MailAccountCapability;
  };
}

/** RFC 8620 §2: the Session resource at /.well-known/jmap. */
export interface Session {
  capabilities: Partial<Record<CapabilityUrn, unknown>> & {
    'urn:ietf:params:jmap:core': CoreCapability;
  };
  accounts: Record<Id, SessionAccount>;
  primaryAccounts: Partial<Record<CapabilityUrn, Id>>;
  username: string;
  apiUrl: string;
  downloadUrl: string;
  uploadUrl: string;
  eventSourceUrl: string;
  state: string;
}

/** RFC 8620 §3.2: [name, arguments, method call id]. */
export type Invocation<Args = Record<string, unknown>> = [name: string, args: Args, callId: string];

/** RFC 8620 §3.3 */
export interface JmapRequest {
  using: string[];
  methodCalls: Invocation[];
  createdIds?: Record<Id, Id>;
}

/** RFC 8620 §3.4 */
export interface JmapResponse {
  methodResponses: Invocation[];
  createdIds?: Record<Id, Id>;
  sessionState: string;
}

/** RFC 8620 §3.7: a back-reference to an earlier call's result. */
export interface ResultReference {
  resultOf: string;
  name: string;
  path: string;
}

/** RFC 8620 §3.6.1: request-level errors, sent as application/problem+json (RFC 7807). */
export const RequestErrorType = {
  UnknownCapability: 'urn:ietf:params:jmap:error:unknownCapability',
  NotJSON: 'urn:ietf:params:jmap:error:notJSON',
  NotRequest: 'urn:ietf:params:jmap:error:notRequest',
  Limit: 'urn:ietf:params:jmap:error:limit',
} as const;
export type RequestErrorType = (typeof RequestErrorType)[keyof typeof RequestErrorType];

export interface ProblemDetails {
  type: RequestErrorType | string;
  status: number;
  detail?: string;
  limit?: string;
}

/** RFC 8620 §3.6.2 and RFC 8621: method-level error types. */
export const MethodErrorType = {
  ServerUnavailable: 'serverUnavailable',
  ServerFail: 'serverFail',
  ServerPartialFail: 'serverPartialFail',
  UnknownMethod: 'unknownMethod',
  InvalidArguments: 'invalidArguments',
  InvalidResultReference: 'invalidResultReference',
  Forbidden: 'forbidden',
  AccountNotFound: 'accountNotFound',
  AccountNotSupportedByMethod: 'accountNotSupportedByMethod',
  AccountReadOnly: 'accountReadOnly',
  RequestTooLarge: 'requestTooLarge',
  CannotCalculateChanges: 'cannotCalculateChanges',
  StateMismatch: 'stateMismatch',
  UnsupportedSort: 'unsupportedSort',
  UnsupportedFilter: 'unsupportedFilter',
  AnchorNotFound: 'anchorNotFound',
  TooManyChanges: 'tooManyChanges',
  FromAccountNotFound: 'fromAccountNotFound',
  FromAccountNotSupportedByMethod: 'fromAccountNotSupportedByMethod',
  /** RFC 9404 §4.3: a Blob/lookup typeName the server does not know. */
  UnknownDataType: 'unknownDataType',
  /** JMAP Calendars §5.11: expandRecurrences over a span longer than maxExpandedQueryDuration. */
  ExpandDurationTooLarge: 'expandDurationTooLarge',
  /** JMAP Calendars §5.11: the server could not expand the recurrences (e.g. too many occurrences). */
  CannotCalculateOccurrences: 'cannotCalculateOccurrences',
  /** JMAP Calendars §2.2: Principal/getAvailability for a principal the user cannot see. */
  NotFound: 'notFound',
} as const;
export type MethodErrorType = (typeof MethodErrorType)[keyof typeof MethodErrorType];

export interface MethodError {
  type: MethodErrorType;
  description?: string;
  [extra: string]: unknown;
}

/** RFC 8620 §5.1 */
export interface GetArgs<P extends string = string> {
  accountId: Id;
  ids?: Id[] | null;
  properties?: P[] | null;
}
export interface GetResult<T> {
  accountId: Id;
  state: string;
  list: T[];
  notFound: Id[];
}

/** RFC 8620 §5.5 */
export interface Comparator<P extends string = string> {
  property: P;
  isAscending?: boolean;
  collation?: string;
}
export interface QueryArgs<F, P extends string = string> {
  accountId: Id;
  filter?: F | FilterOperator<F> | null;
  sort?: Comparator<P>[] | null;
  position?: number;
  anchor?: Id | null;
  anchorOffset?: number;
  limit?: number | null;
  calculateTotal?: boolean;
}
export interface FilterOperator<F> {
  operator: 'AND' | 'OR' | 'NOT';
  conditions: (F | FilterOperator<F>)[];
}
export interface QueryResult {
  accountId: Id;
  queryState: string;
  canCalculateChanges: boolean;
  position: number;
  ids: Id[];
  total?: number;
  limit?: number;
}

/** RFC 8620 §5.2 */
export interface ChangesArgs {
  accountId: Id;
  sinceState: string;
  maxChanges?: number | null;
}
export interface ChangesResult {
  accountId: Id;
  oldState: string;
  newState: string;
  hasMoreChanges: boolean;
  created: Id[];
  updated: Id[];
  destroyed: Id[];
}

/** RFC 8620 §5.3: a PatchObject maps JSON Pointer paths to new values (null removes). */
export type PatchObject = Record<string, unknown>;

export interface SetError {
  type: string;
  description?: string;
  properties?: string[];
  /** RFC 8621 §4.6 / §4.8: the blob ids of a `blobNotFound`. */
  notFound?: Id[];
  /** RFC 8620 §5.3: the id of the object an `alreadyExists` clashes with. */
  existingId?: Id;
}
export interface SetArgs<T> {
  accountId: Id;
  ifInState?: string | null;
  create?: Record<Id, Partial<T>> | null;
  update?: Record<Id, PatchObject> | null;
  destroy?: Id[] | null;
}
export interface SetResult<T> {
  accountId: Id;
  oldState: string | null;
  newState: string;
  created: Record<Id, Partial<T>> | null;
  updated: Record<Id, Partial<T> | null> | null;
  destroyed: Id[] | null;
  notCreated: Record<Id, SetError> | null;
  notUpdated: Record<Id, SetError> | null;
  notDestroyed: Record<Id, SetError> | null;
}

/** RFC 8620 §5.6: /queryChanges arguments. */
export interface QueryChangesArgs<F, P extends string = string> {
  accountId: Id;
  filter?: F | FilterOperator<F> | null;
  sort?: Comparator<P>[] | null;
  sinceQueryState: string;
  maxChanges?: number | null;
  upToId?: Id | null;
  calculateTotal?: boolean;
}

/** RFC 8620 §5.6 */
export interface AddedItem {
  id: Id;
  index: number;
}

/** RFC 8620 §5.6: /queryChanges response. */
export interface QueryChangesResult {
  accountId: Id;
  oldQueryState: string;
  newQueryState: string;
  total?: number;
  removed: Id[];
  added: AddedItem[];
}
