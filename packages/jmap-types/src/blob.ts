import type { Id, SetError } from './core.js';
import type { Email } from './mail.js';

/** RFC 9404 §4: the blob capability of an account. */
export interface BlobAccountCapability {
  maxSizeBlobSet: number | null;
  maxDataSources: number;
  supportedTypeNames: string[];
  supportedDigestAlgorithms: string[];
}

/** RFC 9404 §4.1: one source of a Blob/upload; exactly one of the three forms. */
export type DataSourceObject =
  | { 'data:asText': string | null }
  | { 'data:asBase64': string | null }
  | { blobId: Id; offset?: number | null; length?: number | null };

/** RFC 9404 §4.1 */
export interface UploadObject {
  data: DataSourceObject[];
  type?: string | null;
}

/** RFC 9404 §4.1: a created blob. */
export interface BlobCreated {
  id: Id;
  type: string | null;
  size: number;
}

/** RFC 9404 §4.2: a Blob/get item; the properties asked for. */
export interface BlobGetItem {
  id: Id;
  'data:asText'?: string | null;
  'data:asBase64'?: string | null;
  isEncodingProblem?: boolean;
  isTruncated?: boolean;
  size?: number;
  [digest: `digest:${string}`]: string;
}

/** RFC 9404 §4.3 */
export interface BlobLookupItem {
  id: Id;
  matchedIds: Record<string, Id[]>;
}

/** RFC 8621 §4.8: one email to import. */
export interface EmailImport {
  blobId: Id;
  mailboxIds: Record<Id, boolean>;
  keywords?: Record<string, boolean>;
  receivedAt?: string;
}

/** The methods of RFC 9404, Blob/copy (RFC 8620 §6.3) and Email/import, /parse, /copy (RFC 8621 §4.7-4.9). */
export interface BlobMethods {
  'Blob/copy': {
    args: { fromAccountId: Id; accountId: Id; blobIds: Id[] };
    result: {
      fromAccountId: Id;
      accountId: Id;
      copied: Record<Id, Id> | null;
      notCopied: Record<Id, SetError> | null;
    };
  };
  'Blob/upload': {
    args: { accountId: Id; create: Record<Id, UploadObject> };
    result: {
      accountId: Id;
      created: Record<Id, BlobCreated> | null;
      notCreated: Record<Id, SetError> | null;
    };
  };
  'Blob/get': {
    args: { accountId: Id; ids: Id[]; properties?: string[] | null; offset?: number; length?: number | null };
    result: { accountId: Id; list: BlobGetItem[]; notFound: Id[] };
  };
  'Blob/lookup': {
    args: { accountId: Id; typeNames: string[]; ids: Id[] };
    result: { accountId: Id; list: BlobLookupItem[]; notFound: Id[] };
  };
  'Email/import': {
    args: { accountId: Id; ifInState?: string | null; emails: Record<Id, EmailImport> };
    result: {
      accountId: Id;
      oldState: string | null;
      newState: string;
      created: Record<Id, Pick<Email, 'id' | 'blobId' | 'threadId' | 'size'>> | null;
      notCreated: Record<Id, SetError> | null;
    };
  };
  'Email/parse': {
    args: {
      accountId: Id;
      blobIds: Id[];
      properties?: string[] | null;
      bodyProperties?: string[] | null;
      fetchTextBodyValues?: boolean;
      fetchHTMLBodyValues?: boolean;
      fetchAllBodyValues?: boolean;
      maxBodyValueBytes?: number;
    };
    result: {
      accountId: Id;
      parsed: Record<Id, Partial<Email>> | null;
      notParsable: Id[] | null;
      notFound: Id[] | null;
    };
  };
  'Email/copy': {
    args: {
      fromAccountId: Id;
      ifFromInState?: string | null;
      accountId: Id;
      ifInState?: string | null;
      create: Record<Id, Partial<Email> & { id: Id }>;
      onSuccessDestroyOriginal?: boolean;
      destroyFromIfInState?: string | null;
    };
    result: {
      fromAccountId: Id;
      accountId: Id;
      oldState: string | null;
      newState: string;
      created: Record<Id, Pick<Email, 'id' | 'blobId' | 'threadId' | 'size'>> | null;
      notCreated: Record<Id, SetError> | null;
    };
  };
}
