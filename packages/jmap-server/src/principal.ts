import type { AccountId } from '@colibri/mail-store';

/** The authenticated user a request is made for; the BFF builds it after checking credentials. */
export interface Principal {
  accountId: AccountId;
  /** The login email, e.g. "alice@colibri.test" (RFC 8620 §2 `username`). */
  username: string;
}
