import type { Id } from './core.js';

/** RFC 9425 §4.1: what a quota counts. */
export type QuotaResourceType = 'count' | 'octets';
/** RFC 9425 §4.1: whom a quota applies to. */
export type QuotaScope = 'account' | 'domain' | 'global';

/** RFC 9425 §4.1: a limit on a resource of the account, and how much of it is used. */
export interface Quota {
  id: Id;
  resourceType: QuotaResourceType;
  used: number;
  hardLimit: number;
  scope: QuotaScope;
  name: string;
  /** The data types the quota applies to ("Email"). */
  types: string[];
  warnLimit?: number | null;
  softLimit?: number | null;
  description?: string | null;
}
export type QuotaProperty = keyof Quota;

/** RFC 9425 §4.4.1: Quota/query filter. */
export interface QuotaFilterCondition {
  name?: string;
  scope?: string;
  resourceType?: string;
  type?: string;
}
/** RFC 9425 §4.4.2: Quota/query sorts. */
export type QuotaSortProperty = 'name' | 'used';
