import { describe } from 'vitest';
import { describeAccountAdmin } from './account-admin.js';
import { describeBatchImport } from './batch-import.js';
import { describeBlobs } from './blobs.js';
import { describeChangeLog } from './change-log.js';
import { describeDestroy } from './destroy.js';
import { describeDirectory } from './directory.js';
import type { MailStoreFactory } from './fixture.js';
import { describeImport } from './import.js';
import { describeKeywordsAndCounts } from './keywords-and-counts.js';
import { describeMailboxes } from './mailboxes.js';
import { describeMailboxWrites } from './mailbox-writes.js';
import { describeMeta } from './meta.js';
import { describeMoves } from './moves.js';
import { describeQueries } from './queries.js';
import { describeQuota } from './quota.js';
import { describeQueryChanges } from './query-changes.js';
import { describeQueryFilters } from './query-filters.js';
import { describeQueryOrders } from './query-orders.js';
import { describeSearchSnippets } from './search-snippets.js';
import { describeThreads } from './threads.js';
import { describeStateChanges } from './state-changes.js';
import { describeAliases } from './aliases.js';
import { describeSnooze } from './snooze.js';
import { describeSubmissions } from './submissions.js';
import { describeIntegrity } from './integrity.js';
import { describeUploads } from './uploads.js';
import { describeImportStream } from './import-stream.js';
import { describeCompose } from './compose.js';
import { describeIdentities } from './identities.js';
import { describeVacation } from './vacation.js';
import { describeSieveScripts } from './sieve-scripts.js';
import { describeCalendars } from './calendars.js';
import { describeContacts } from './contacts.js';
import { describeContactQueries } from './contact-queries.js';
import { describeCollectionShares } from './collection-shares.js';
import { describePushSubscriptions } from './push-subscriptions.js';
import { describeApiTokens } from './api-tokens.js';
import { describeMeetingRooms } from './meeting-rooms.js';
import { describeMailboxShares } from './mailbox-shares.js';
import { describeParseAndLookupBlobs } from './parse-and-lookup-blobs.js';

export type { MailStoreFactory } from './fixture.js';
export { describeBlobStoreConformance } from './blob-store-conformance.js';
export type { BlobStoreFactory } from './blob-store-conformance.js';
export { describeChangeLogConformance } from './change-log-conformance.js';
export type { ChangeLogFactory } from './change-log-conformance.js';
export { describeSearchIndexConformance } from './search-index-conformance.js';
export type { SearchIndexFactory } from './search-index-conformance.js';
export type { PortBackend } from './port-fixture.js';

/**
 * The store conformance suite (STYLE 17): registers the same behavioural tests for any `MailStore`
 * backend, through its public interface only. Call it at the top level of a vitest test file;
 * `factory` must open a fresh, empty store for each test.
 */
export function describeMailStoreConformance(name: string, factory: MailStoreFactory): void {
  describe(`MailStore conformance: ${name}`, () => {
    describeDirectory(factory);
    describeMailboxes(factory);
    describeMailboxWrites(factory);
    describeMailboxShares(factory);
    describeImport(factory);
    describeThreads(factory);
    describeQueries(factory);
    describeQueryOrders(factory);
    describeKeywordsAndCounts(factory);
    describeMoves(factory);
    describeDestroy(factory);
    describeQuota(factory);
    describeChangeLog(factory);
    describeBlobs(factory);
    describeMeta(factory);
    describeStateChanges(factory);
    describeAliases(factory);
    describeSnooze(factory);
    describeSubmissions(factory);
    describeUploads(factory);
    describeIntegrity(factory);
    describeImportStream(factory);
    describeIdentities(factory);
    describeVacation(factory);
    describeSieveScripts(factory);
    describeCalendars(factory);
    describeContacts(factory);
    describeContactQueries(factory);
    describeCollectionShares(factory);
    describePushSubscriptions(factory);
    describeApiTokens(factory);
    describeMeetingRooms(factory);
    describeCompose(factory);
    describeQueryFilters(factory);
    describeQueryChanges(factory);
    describeSearchSnippets(factory);
    describeBatchImport(factory);
    describeAccountAdmin(factory);
    describeParseAndLookupBlobs(factory);
  });
}
