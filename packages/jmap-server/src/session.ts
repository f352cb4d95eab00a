import { createHash } from 'node:crypto';
import { Capability } from '@colibri/jmap-types';
import type { CoreCapability, Session } from '@colibri/jmap-types';
import type { MailStore } from '@colibri/mail-store';
import { MAIL_ACCOUNT_CAPABILITY } from './limits.js';
import { BLOB_ACCOUNT_CAPABILITY } from './methods/blob/limits.js';
import { submissionAccountCapability } from './methods/email-submission/capability.js';
import { SIEVE_ACCOUNT_CAPABILITY } from './methods/sieve-script/capability.js';
import type { Principal } from './principal.js';

/**
 * RFC 8620 §2: the session `state` must change whenever the rest of the Session object would.
 * Only the set of accounts varies per principal for now, so a hash of the sorted ids is enough.
 */
export function sessionStateFor(accountIds: readonly string[]): string {
  return createHash('sha256')
    .update([...accountIds].sort().join('\n'))
    .digest('base64url')
    .slice(0, 16);
}

/** The principal's accounts; sharing (RFC 9670) will add the accounts shared with them. */
export function accountIdsOf(principal: Principal): string[] {
  return [principal.accountId];
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
  const accountIds = accountIdsOf(principal);
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
      // RFC 8887 §4.1: the WebSocket endpoint (ws/wss on the same origin), push included.
      [Capability.WebSocket]: { url: `${base.replace(/^http/, 'ws')}/jmap/ws`, supportsPush: true },
    },
    accounts: {
      [principal.accountId]: {
        name: account?.email ?? principal.username,
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
        },
      },
    },
    primaryAccounts: {
      [Capability.Mail]: principal.accountId,
      [Capability.VacationResponse]: principal.accountId,
      [Capability.Quota]: principal.accountId,
      [Capability.Blob]: principal.accountId,
      [Capability.Submission]: principal.accountId,
      [Capability.Mdn]: principal.accountId,
      [Capability.Sieve]: principal.accountId,
    },
    username: principal.username,
    apiUrl: `${base}/jmap/api`,
    // RFC 8620 §6.2 and §7.3: URI templates (RFC 6570 level 1), expanded by the client.
    downloadUrl: `${base}/jmap/download/{accountId}/{blobId}/{name}?accept={type}`,
    uploadUrl: `${base}/jmap/upload/{accountId}/`,
    eventSourceUrl: `${base}/jmap/eventsource?types={types}&closeafter={closeafter}&ping={ping}`,
    state: sessionStateFor(accountIds),
  };
}
