import type { Id, PatchObject, SetError } from './core.js';

/** RFC 9007 §2: the disposition of an MDN (RFC 8098 §3.2.6). */
export interface MdnDisposition {
  actionMode: 'manual-action' | 'automatic-action';
  sendingMode: 'mdn-sent-manually' | 'mdn-sent-automatically';
  type: 'deleted' | 'dispatched' | 'displayed' | 'processed';
}

/** RFC 9007 §2: an MDN object; the last five properties are server-set. */
export interface Mdn {
  forEmailId: Id | null;
  subject: string | null;
  textBody: string | null;
  includeOriginalMessage: boolean;
  reportingUA: string | null;
  disposition: MdnDisposition;
  mdnGateway: string | null;
  originalRecipient: string | null;
  finalRecipient: string | null;
  originalMessageId: string | null;
  error: string[] | null;
  extensionFields: Record<string, string> | null;
}

/** RFC 9007 §2.1 MDN/send and §2.2 MDN/parse. */
export interface MdnMethods {
  'MDN/send': {
    args: {
      accountId: Id;
      identityId: Id;
      send: Record<Id, Partial<Mdn>>;
      onSuccessUpdateEmail?: Record<Id, PatchObject> | null;
    };
    result: { accountId: Id; sent: Record<Id, Partial<Mdn>> | null; notSent: Record<Id, SetError> | null };
  };
  'MDN/parse': {
    args: { accountId: Id; blobIds: Id[] };
    result: {
      accountId: Id;
      parsed: Record<Id, Mdn> | null;
      notParsable: Id[] | null;
      notFound: Id[] | null;
    };
  };
}
