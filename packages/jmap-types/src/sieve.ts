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
  SetError,
  SetResult,
} from './core.js';

/** RFC 9661 §1.2.1: the account capability `urn:ietf:params:jmap:sieve`. */
export interface SieveAccountCapability {
  /** Name and version of the Sieve implementation. */
  implementation: string;
  /** Longest script name in octets. */
  maxSizeScriptName: number;
  /** Longest script in octets, or null for no limit. */
  maxSizeScript: number | null;
  /** Most scripts per account, or null for no limit. */
  maxNumberScripts: number | null;
  /** Most redirects one script may perform on one message, or null for no limit. */
  maxNumberRedirects: number | null;
  /** The Sieve extensions (`require` names) the server supports. */
  sieveExtensions: string[];
  /** RFC 5435 notification methods, or null when "enotify" is not supported. */
  notificationMethods: string[] | null;
  /** RFC 6134 external lists, or null when "extlists" is not supported. */
  externalLists: string[] | null;
}

/** RFC 9661 §2: a Sieve script; `isActive` is server-set (changed only through /set's onSuccess arguments). */
export interface SieveScript {
  id: Id;
  name: string;
  blobId: Id;
  isActive: boolean;
}
export type SieveScriptProperty = keyof SieveScript;

/** RFC 9661 §2.5: SieveScript/query filter. */
export interface SieveScriptFilterCondition {
  name?: string;
  isActive?: boolean;
}
/** RFC 9661 §2.5: SieveScript/query sorts. */
export type SieveScriptSortProperty = 'name' | 'isActive';

/** RFC 9661 §2.4: SieveScript/set's extra arguments. */
export interface SieveScriptSetExtraArgs {
  onSuccessActivateScript?: Id | null;
  onSuccessDeactivateScript?: boolean | null;
}

/** RFC 9661 §2: the SieveScript methods. */
export interface SieveMethods {
  'SieveScript/get': { args: GetArgs<SieveScriptProperty>; result: GetResult<Partial<SieveScript>> };
  'SieveScript/changes': { args: ChangesArgs; result: ChangesResult };
  'SieveScript/set': {
    args: SetArgs<SieveScript> & SieveScriptSetExtraArgs;
    result: SetResult<SieveScript>;
  };
  'SieveScript/query': {
    args: QueryArgs<SieveScriptFilterCondition, SieveScriptSortProperty>;
    result: QueryResult;
  };
  'SieveScript/queryChanges': {
    args: QueryChangesArgs<SieveScriptFilterCondition, SieveScriptSortProperty>;
    result: QueryChangesResult;
  };
  /** RFC 9661 §2.6: checks a script's text without storing it. */
  'SieveScript/validate': {
    args: { accountId: Id; blobId: Id };
    result: { accountId: Id; error: SetError | null };
  };
}
