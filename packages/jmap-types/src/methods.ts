import type {
  ChangesArgs,
  ChangesResult,
  GetArgs,
  GetResult,
  QueryArgs,
  QueryChangesArgs,
  QueryChangesResult,
  QueryResult,
  SetArgs,
  SetResult,
} from './core.js';
import type {
  Email,
  EmailFilterCondition,
  EmailGetExtraArgs,
  EmailProperty,
  EmailQueryExtraArgs,
  EmailSortProperty,
  Mailbox,
  MailboxProperty,
  SearchSnippet,
  Thread,
} from './mail.js';

/** RFC 8621 §2.3: Mailbox/query filter. */
export interface MailboxFilterCondition {
  parentId?: string | null;
  name?: string;
  role?: string | null;
  hasAnyRole?: boolean;
  isSubscribed?: boolean;
}

/**
 * The method map: request and response arguments by method name. Clients and the server both
 * derive their types from it, so a method name typo or a wrong argument is a compile error.
 */
export interface Methods {
  'Core/echo': { args: Record<string, unknown>; result: Record<string, unknown> };
  'Mailbox/get': { args: GetArgs<MailboxProperty>; result: GetResult<Partial<Mailbox>> };
  'Mailbox/changes': { args: ChangesArgs; result: ChangesResult & { updatedProperties: string[] | null } };
  'Mailbox/set': { args: SetArgs<Mailbox> & { onDestroyRemoveEmails?: boolean }; result: SetResult<Mailbox> };
  'Mailbox/query': {
    args: QueryArgs<MailboxFilterCondition> & { sortAsTree?: boolean; filterAsTree?: boolean };
    result: QueryResult;
  };
  'Mailbox/queryChanges': {
    args: QueryChangesArgs<MailboxFilterCondition> & { sortAsTree?: boolean; filterAsTree?: boolean };
    result: QueryChangesResult;
  };
  'Thread/get': { args: GetArgs<keyof Thread>; result: GetResult<Thread> };
  'Thread/changes': { args: ChangesArgs; result: ChangesResult };
  'Email/get': {
    args: GetArgs<EmailProperty | string> & EmailGetExtraArgs;
    result: GetResult<Partial<Email>>;
  };
  'Email/changes': { args: ChangesArgs; result: ChangesResult };
  'Email/query': {
    args: QueryArgs<EmailFilterCondition, EmailSortProperty> &
      EmailQueryExtraArgs & {
        sort?:
          | { property: EmailSortProperty; isAscending?: boolean; keyword?: string; collation?: string }[]
          | null;
      };
    result: QueryResult;
  };
  'Email/set': { args: SetArgs<Email>; result: SetResult<Email> };
  'Email/queryChanges': {
    args: QueryChangesArgs<EmailFilterCondition, EmailSortProperty> & EmailQueryExtraArgs;
    result: QueryChangesResult;
  };
  'SearchSnippet/get': {
    args: { accountId: string; filter?: unknown; emailIds: string[] };
    result: { accountId: string; list: SearchSnippet[]; notFound: string[] | null };
  };
}
export type MethodName = keyof Methods;
export type MethodArgs<M extends MethodName> = Methods[M]['args'];
export type MethodResult<M extends MethodName> = Methods[M]['result'];
