import { buffer } from 'node:stream/consumers';
import path from 'node:path';
import type { BlobStore } from './blobs/blob-store.js';
import { createFsBlobStore } from './blobs/fs-blob-store.js';
import type { MailStore } from './mail-store.js';
import { createStateFeed } from './sqlite/state-feed.js';
import { sqliteChangeLog as changeLog } from './sqlite/change-log.js';
import { createFts5SearchIndex } from './sqlite/fts5/fts5-search-index.js';
import type { SqliteSearchIndex } from './sqlite/sqlite-search-index.js';
import { createSearchBatches } from './sqlite/search-batches.js';
import { collectGarbage } from './sqlite/collect-garbage.js';
import { destroyEmails } from './sqlite/destroy-emails.js';
import { deleteAccount } from './sqlite/delete-account.js';
import * as directory from './sqlite/directory.js';
import { insertAccount } from './sqlite/new-account.js';
import { importMessage, importMessageStream } from './sqlite/import-message.js';
import { importMessages } from './sqlite/import-batch.js';
import { startPreparePool, type PreparePool } from './sqlite/prepare-pool.js';
import { accountMayRead } from './sqlite/blob-refs.js';
import { openPartBlob } from './sqlite/part-blobs.js';
import { createSmallBlobStore } from './sqlite/small-blobs.js';
import { createTieredBlobStore } from './blobs/tiered-blob-store.js';
import { createGroupCommit } from './sqlite/group-commit.js';
import { setKeywords } from './sqlite/keywords.js';
import { createMailbox, findMailboxByRole, listMailboxes, mailboxCounts } from './sqlite/mailboxes.js';
import { destroyMailbox } from './sqlite/destroy-mailbox.js';
import { updateMailbox } from './sqlite/update-mailbox.js';
import * as mailboxShares from './sqlite/mailbox-shares.js';
import * as shareNotifications from './sqlite/share-notifications.js';
import * as collectionShares from './sqlite/collection-shares.js';
import { loadEmailSummaries, loadEmails } from './sqlite/email-rows.js';
import { openDatabase } from './sqlite/open-database.js';
import { queryEmails } from './sqlite/query-emails.js';
import { queryEmailChanges } from './sqlite/query-changes.js';
import { searchSnippets } from './sqlite/search-snippets.js';
import { getQuota, setQuota } from './sqlite/quotas.js';
import { setMailboxes } from './sqlite/set-mailboxes.js';
import { dkimKey } from './sqlite/dkim-keys.js';
import {
  cancelSubmission,
  createSubmission,
  destroySubmission,
  dueDeliveries,
  nextDeliveryDue,
  getSubmissions,
  recordDeliveryAttempt,
} from './sqlite/submissions.js';
import { checkIntegrity } from './sqlite/check-integrity.js';
import { createUpload, defaultUploadTtlMs } from './sqlite/uploads.js';
import { lookupBlobs } from './sqlite/blob-lookup.js';
import { parseMessageBlob } from './sqlite/parse-blob.js';
import type { AccountId, BlobId, EmailId, ThreadId } from './model.js';
import * as aliases from './sqlite/aliases.js';
import * as snoozes from './sqlite/snoozes.js';
import { buildMessage } from './compose/build-message.js';
import * as identities from './sqlite/identities.js';
import * as sieveScripts from './sqlite/sieve-scripts.js';
import * as calendars from './sqlite/calendars/calendars.js';
import * as calendarEvents from './sqlite/calendars/calendar-events.js';
import * as eventNotifications from './sqlite/calendars/event-notifications.js';
import * as pushSubscriptions from './sqlite/push-subscriptions.js';
import * as apiTokens from './sqlite/api-tokens.js';
import * as resources from './sqlite/resources.js';
import * as meetingRooms from './sqlite/meeting-rooms.js';
import * as addressBooks from './sqlite/contacts/address-books.js';
import * as contactCards from './sqlite/contacts/contact-cards.js';
import * as cardQuery from './sqlite/contacts/card-query.js';
import * as recentContacts from './sqlite/contacts/recent.js';
import { claimVacationReply, getVacationResponse, setVacationResponse } from './sqlite/vacation.js';

export interface OpenMailStoreOptions {
  /** The data folder: `colibri.sqlite` and `blobs/` live in it. Created when missing. */
  dataDir: string;
  /**
   * Where blobs bigger than `smallBlobMaxBytes` live; by default content-addressed files under
   * `<dataDir>/blobs/`. Smaller ones are rows of the database.
   */
  blobStore?: BlobStore;
  /** How long an upload nothing else references stays (RFC 8620 §6.1); default 24 hours. */
  uploadTtlMs?: number;
}

/**
 * Blobs up to this size are rows of the database, bigger ones files (or objects): the median
 * message is a few kB, and a file costs two fsyncs that a row does not (see small-blobs.ts).
 */
export const smallBlobMaxBytes = 64 * 1024;

/** A batch import of this many messages or more parses them in threads (`prepare-pool.ts`). */
export const preparePoolMinBatch = 100;

/**
 * Ports of the embedded backend that tests (not configuration) may replace: `searchIndex` without
 * its FTS5 pushdown runs every search through the generic path a non-SQLite index would take.
 */
export interface EmbeddedPorts {
  searchIndex?: SqliteSearchIndex;
}

/**
 * Opens the embedded store: SQLite (WAL) for metadata, the change log and full-text search, and
 * content-addressed files for blobs. better-sqlite3 is synchronous; the async interface is for
 * networked backends, and each call here is one short transaction.
 */
export async function openMailStore(
  options: OpenMailStoreOptions,
  ports: EmbeddedPorts = {},
): Promise<MailStore> {
  const db = openDatabase(options.dataDir);
  const search = ports.searchIndex ?? createFts5SearchIndex();
  const blobs = createTieredBlobStore(
    createSmallBlobStore(db, smallBlobMaxBytes),
    options.blobStore ?? createFsBlobStore(path.join(options.dataDir, 'blobs')),
    smallBlobMaxBytes,
  );
  let closed = false;
  const groupCommit = createGroupCommit(db);
  // Documents a crashed process left queued become searchable now.
  search.catchUp?.(db);
  const searchBatches = createSearchBatches(db, search, groupCommit.commit);

  const mayRead = accountMayRead(db);

  /** A blob file, else a leaf part decoded from its message (see part-blobs.ts). */
  const openReadable = async (accountId: AccountId, blobId: BlobId) => {
    if (!mayRead(accountId, blobId)) return null;
    return (await blobs.open(blobId)) ?? openPartBlob(db, blobs, blobId);
  };

  const feed = createStateFeed(db);
  /**
   * Started by the first batch import of `preparePoolMinBatch` messages or more, or the first
   * single import of a message too large to be a row.
   */
  let preparePool: PreparePool | null = null;
  const startedPreparePool = () => (preparePool ??= startPreparePool());
  const store: MailStore = {
    async createDomain(name) {
      return directory.createDomain(db, name);
    },
    async findDomain(name) {
      return directory.findDomain(db, name);
    },
    async createAccount(input) {
      // The account and its default identity (RFC 8621 §6) in one transaction.
      return db.transaction(() => insertAccount(db, input)).immediate();
    },
    async getAccount(id) {
      return directory.getAccount(db, id);
    },
    async findAccountByEmail(email) {
      return directory.findAccountByEmail(db, email);
    },
    async listAccounts() {
      return directory.listAccounts(db);
    },
    async listAccountsInDomain(domainId) {
      return directory.listAccountsInDomain(db, domainId);
    },
    async deleteAccount(id) {
      deleteAccount(db, search, id);
    },
    async createResource(input) {
      return resources.createResource(db, input);
    },
    async getResource(accountId) {
      return resources.getResource(db, accountId);
    },
    async listResources() {
      return resources.listResources(db);
    },
    async getPasswordHash(id) {
      return directory.getPasswordHash(db, id);
    },
    async setPasswordHash(id, hash) {
      directory.setPasswordHash(db, id, hash);
    },
    async createMailbox(accountId, input) {
      return createMailbox(db, accountId, input);
    },
    async listMailboxes(accountId) {
      return listMailboxes(db, accountId);
    },
    async getMailboxCounts(accountId, ids) {
      return mailboxCounts(db, accountId, ids);
    },
    async findMailboxByRole(accountId, role) {
      return findMailboxByRole(db, accountId, role);
    },
    async updateMailbox(accountId, id, patch) {
      return updateMailbox(db, accountId, id, patch);
    },
    async destroyMailbox(accountId, id, options) {
      return destroyMailbox(db, search, accountId, id, options?.removeEmails === true);
    },
    async listMailboxShares(accountId) {
      return mailboxShares.listMailboxShares(db, accountId);
    },
    async listSharesWith(granteeId) {
      return mailboxShares.listSharesWith(db, granteeId);
    },
    async setMailboxShares(accountId, mailboxId, shares, changedBy) {
      mailboxShares.setMailboxShares(db, accountId, mailboxId, shares, changedBy ?? null);
    },
    async listCollectionShares(accountId, kind) {
      return collectionShares.listCollectionShares(db, accountId, kind);
    },
    async listCollectionSharesWith(granteeId) {
      return collectionShares.listCollectionSharesWith(db, granteeId);
    },
    async setCollectionShares(accountId, kind, collectionId, shares, changedBy) {
      collectionShares.setCollectionShares(db, accountId, kind, collectionId, shares, changedBy ?? null);
    },
    async listShareNotifications(accountId) {
      return shareNotifications.listShareNotifications(db, accountId, (type, mask) =>
        type === 'Mailbox'
          ? mailboxShares.maskToRights(mask)
          : collectionShares.collectionMaskToRights(type, mask),
      );
    },
    async destroyShareNotification(accountId, id) {
      shareNotifications.destroyShareNotification(db, accountId, id);
    },
    async setShareSubscribed(accountId, mailboxId, granteeId, isSubscribed) {
      mailboxShares.setShareSubscribed(db, accountId, mailboxId, granteeId, isSubscribed);
    },
    async importMessage(accountId, input) {
      const email = await importMessage(db, search, blobs, accountId, input, groupCommit, startedPreparePool);
      searchBatches.queued();
      return email;
    },
    async importMessages(accountId, inputs) {
      // Threads only for batches big enough to gain from them (an import, not a demo's handful).
      if (inputs.length >= preparePoolMinBatch) startedPreparePool();
      return importMessages(
        db,
        search,
        blobs,
        accountId,
        inputs,
        preparePool ?? undefined,
        groupCommit.commit,
      );
    },
    async getEmails(accountId, ids) {
      return loadEmails(db, accountId, ids);
    },
    async getEmailSummaries(accountId, ids) {
      return loadEmailSummaries(db, accountId, ids);
    },
    async queryEmails(accountId, query) {
      return queryEmails(db, search, accountId, query);
    },
    async queryEmailChanges(accountId, input) {
      return queryEmailChanges(db, search, accountId, input);
    },
    async getSearchSnippets(accountId, filter, ids) {
      return searchSnippets(db, search, accountId, filter, ids);
    },
    async setKeywords(accountId, id, keywords) {
      setKeywords(db, accountId, id, keywords);
    },
    async setMailboxes(accountId, id, mailboxIds) {
      setMailboxes(db, accountId, id, mailboxIds);
    },
    async destroyEmails(accountId, ids) {
      return destroyEmails(db, search, accountId, ids);
    },
    async getThreadEmailIds(accountId, threadId: ThreadId) {
      return (
        db
          .prepare('SELECT id FROM emails WHERE thread_id = ? AND account_id = ? ORDER BY received_at, id')
          .all(threadId, accountId) as { id: string }[]
      ).map((r) => r.id as EmailId);
    },
    async setQuota(accountId, limits) {
      setQuota(db, accountId, limits);
    },
    async getQuota(accountId) {
      return getQuota(db, accountId);
    },
    async openBlob(accountId, blobId) {
      return openReadable(accountId, blobId);
    },
    async parseBlob(accountId, blobId) {
      const raw = await store.readBlob(accountId, blobId);
      if (raw === null) return { status: 'notFound' };
      return parseMessageBlob(raw) ?? { status: 'notAMessage' };
    },
    async lookupBlobs(accountId, blobIds) {
      return lookupBlobs(db, accountId, blobIds);
    },
    async readBlob(accountId, blobId) {
      if (!mayRead(accountId, blobId)) return null;
      const bytes = await blobs.read(blobId);
      if (bytes) return bytes;
      const part = await openPartBlob(db, blobs, blobId);
      // A part that no longer decodes to its hash reads as missing (checkIntegrity names it).
      return part
        ? buffer(part.stream).then(
            (b) => new Uint8Array(b),
            () => null,
          )
        : null;
    },
    async collectGarbage(gcOptions) {
      return collectGarbage(db, blobs, gcOptions);
    },
    async getState(accountId, type) {
      return changeLog.currentState(db, accountId, type);
    },
    async getChanges(accountId, type, sinceState, maxChanges) {
      return changeLog.changesSince(db, accountId, type, sinceState, maxChanges);
    },
    async getMeta(key) {
      const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
        { value: string } | undefined;
      return row?.value ?? null;
    },
    async setMeta(key, value) {
      db.prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ).run(key, value);
    },
    async createSubmission(accountId, input) {
      return createSubmission(db, blobs, accountId, input);
    },
    async getSubmissions(accountId, ids) {
      return getSubmissions(db, accountId, ids);
    },
    async cancelSubmission(accountId, id, now = new Date()) {
      cancelSubmission(db, accountId, id, now);
    },
    async destroySubmission(accountId, id) {
      destroySubmission(db, accountId, id);
    },
    async dueDeliveries(now, limit) {
      return dueDeliveries(db, now, limit);
    },
    async nextDeliveryDue() {
      return nextDeliveryDue(db);
    },
    async recordDeliveryAttempt(submissionId, rcptTo, attempt) {
      recordDeliveryAttempt(db, submissionId, rcptTo, attempt);
    },
    async readSubmissionMessage(submissionId) {
      const row = db.prepare('SELECT blob_id FROM submissions WHERE id = ?').get(submissionId) as
        { blob_id: string } | undefined;
      return row ? blobs.read(row.blob_id as BlobId) : null;
    },
    async dkimKey(domain) {
      return dkimKey(db, domain);
    },
    async createUpload(accountId, source, type, uploadOptions) {
      return createUpload(db, blobs, accountId, source, type, {
        maxBytes: uploadOptions?.maxBytes,
        ttlMs: options.uploadTtlMs ?? defaultUploadTtlMs,
      });
    },
    async importMessageStream(accountId, input) {
      const email = await importMessageStream(db, search, blobs, accountId, input, groupCommit.commit);
      searchBatches.queued();
      return email;
    },
    async checkIntegrity(integrityOptions) {
      return checkIntegrity(db, search, blobs, integrityOptions);
    },
    async listIdentities(accountId) {
      return identities.listIdentities(db, accountId);
    },
    async createIdentity(accountId, input) {
      return identities.createIdentity(db, accountId, input);
    },
    async updateIdentity(accountId, id, patch) {
      return identities.updateIdentity(db, accountId, id, patch);
    },
    async destroyIdentity(accountId, id) {
      identities.destroyIdentity(db, accountId, id);
    },
    async resolveAddress(address) {
      return aliases.resolveAddress(db, address);
    },
    async mayUseAddress(accountId, email) {
      return identities.mayUseAddress(db, accountId, email);
    },
    async listCalendars(accountId) {
      return calendars.listCalendars(db, accountId);
    },
    async createCalendar(accountId, input) {
      return calendars.createCalendar(db, accountId, input);
    },
    async updateCalendar(accountId, id, input) {
      return calendars.updateCalendar(db, accountId, id, input);
    },
    async setDefaultCalendar(accountId, id) {
      calendars.setDefaultCalendar(db, accountId, id);
    },
    async destroyCalendar(accountId, id, options) {
      return calendars.destroyCalendar(db, accountId, id, options?.removeEvents === true);
    },
    async getCalendarEvents(accountId, ids) {
      return calendarEvents.getCalendarEvents(db, accountId, ids);
    },
    async listCalendarEventIds(accountId) {
      return calendarEvents.listCalendarEventIds(db, accountId);
    },
    async createCalendarEvent(accountId, input) {
      return calendarEvents.createCalendarEvent(db, accountId, input);
    },
    async updateCalendarEvent(accountId, id, patch) {
      return calendarEvents.updateCalendarEvent(db, accountId, id, patch);
    },
    async destroyCalendarEvents(accountId, ids) {
      return calendarEvents.destroyCalendarEvents(db, accountId, ids);
    },
    async queryCalendarEvents(accountId, range) {
      return calendarEvents.queryCalendarEvents(db, accountId, range);
    },
    async recordCalendarEventNotification(accountId, input) {
      return eventNotifications.recordCalendarEventNotification(db, accountId, input);
    },
    async listCalendarEventNotifications(accountId) {
      return eventNotifications.listCalendarEventNotifications(db, accountId);
    },
    async destroyCalendarEventNotification(accountId, id) {
      eventNotifications.destroyCalendarEventNotification(db, accountId, id);
    },
    async dismissCalendarEventNotificationsAbout(accountId, calendarEventId) {
      eventNotifications.dismissCalendarEventNotificationsAbout(db, accountId, calendarEventId);
    },
    // Contacts
    async listAddressBooks(accountId) {
      return addressBooks.listAddressBooks(db, accountId);
    },
    async createAddressBook(accountId, input) {
      return addressBooks.createAddressBook(db, accountId, input);
    },
    async updateAddressBook(accountId, id, patch) {
      return addressBooks.updateAddressBook(db, accountId, id, patch);
    },
    async setDefaultAddressBook(accountId, id) {
      return addressBooks.setDefaultAddressBook(db, accountId, id);
    },
    async destroyAddressBook(accountId, id, options) {
      addressBooks.destroyAddressBook(db, accountId, id, options?.removeContents === true);
    },
    async getContactCards(accountId, ids) {
      return contactCards.getContactCards(db, accountId, ids);
    },
    async createContactCard(accountId, input) {
      return contactCards.createContactCard(db, accountId, input);
    },
    async updateContactCard(accountId, id, input) {
      return contactCards.updateContactCard(db, accountId, id, input);
    },
    async destroyContactCard(accountId, id) {
      contactCards.destroyContactCard(db, accountId, id);
    },
    async searchContactCards(accountId, search) {
      return contactCards.searchContactCards(db, accountId, search);
    },
    async markContactsUsed(accountId, emails, at) {
      return contactCards.markContactsUsed(db, accountId, emails, at ?? new Date());
    },
    async queryContactCards(accountId, filter) {
      return cardQuery.queryContactCards(db, accountId, filter);
    },
    async contactCardsToReindex(accountId, limit) {
      return contactCards.contactCardsToReindex(db, accountId, limit);
    },
    async reindexContactCards(accountId, entries) {
      contactCards.reindexContactCards(db, accountId, entries);
    },
    async collectRecentContacts(accountId, entries, at) {
      return recentContacts.collectRecentContacts(db, accountId, entries, at ?? new Date());
    },
    async getContactSettings(accountId) {
      return recentContacts.getContactSettings(db, accountId);
    },
    async setContactSettings(accountId, settings) {
      recentContacts.setContactSettings(db, accountId, settings);
    },
    async listSieveScripts(accountId) {
      return sieveScripts.listSieveScripts(db, accountId);
    },
    async getActiveSieveScript(accountId) {
      return sieveScripts.getActiveSieveScript(db, accountId);
    },
    async createSieveScript(accountId, input) {
      return sieveScripts.createSieveScript(db, accountId, input);
    },
    async updateSieveScript(accountId, id, patch) {
      return sieveScripts.updateSieveScript(db, accountId, id, patch);
    },
    async destroySieveScript(accountId, id) {
      sieveScripts.destroySieveScript(db, accountId, id);
    },
    async activateSieveScript(accountId, id) {
      return sieveScripts.activateSieveScript(db, accountId, id);
    },
    async listPushSubscriptions(ownerId) {
      return pushSubscriptions.listPushSubscriptions(db, ownerId);
    },
    async createPushSubscription(ownerId, input) {
      return pushSubscriptions.createPushSubscription(db, ownerId, input);
    },
    async updatePushSubscription(ownerId, id, patch) {
      return pushSubscriptions.updatePushSubscription(db, ownerId, id, patch);
    },
    async destroyPushSubscription(ownerId, id) {
      pushSubscriptions.destroyPushSubscription(db, ownerId, id);
    },
    async createApiToken(accountId, input) {
      return apiTokens.createApiToken(db, accountId, input);
    },
    async findApiTokenByDigest(digest) {
      return apiTokens.findApiTokenByDigest(db, digest);
    },
    async listApiTokens(accountId) {
      return apiTokens.listApiTokens(db, accountId);
    },
    async markApiTokenUsed(id, at) {
      apiTokens.markApiTokenUsed(db, id, at);
    },
    async deleteApiToken(accountId, id) {
      apiTokens.deleteApiToken(db, accountId, id);
    },
    async createMeetingRoom(accountId, input) {
      return meetingRooms.createMeetingRoom(db, accountId, input);
    },
    async getMeetingRoom(id) {
      return meetingRooms.getMeetingRoom(db, id);
    },
    async listMeetingRoomsForEvent(accountId, eventId) {
      return meetingRooms.listMeetingRoomsForEvent(db, accountId, eventId);
    },
    async setMeetingRoomInviteesOnly(accountId, id, inviteesOnly) {
      return meetingRooms.setMeetingRoomInviteesOnly(db, accountId, id, inviteesOnly);
    },
    async setMeetingRoomEvent(accountId, id, eventId) {
      return meetingRooms.setMeetingRoomEvent(db, accountId, id, eventId);
    },
    async deleteMeetingRoom(accountId, id) {
      meetingRooms.deleteMeetingRoom(db, accountId, id);
    },
    async getVacationResponse(accountId) {
      return getVacationResponse(db, accountId);
    },
    async setVacationResponse(accountId, patch) {
      return setVacationResponse(db, accountId, patch);
    },
    async claimVacationReply(accountId, sender, now, periodMs) {
      return claimVacationReply(db, accountId, sender, now, periodMs);
    },
    async buildMessage(accountId, message) {
      return buildMessage(message, async (blobId) => (await openReadable(accountId, blobId))?.stream ?? null);
    },
    async close() {
      if (closed) return;
      closed = true;
      feed.close();
      searchBatches.close();
      await preparePool?.close();
      await groupCommit.close();
      search.catchUp?.(db);
      db.close();
    },
    subscribeStateChanges(listener) {
      return feed.subscribe(listener);
    },
    async createAlias(address, accountId) {
      return aliases.createAlias(db, address, accountId);
    },
    async listAliases(accountId) {
      return aliases.listAliases(db, accountId);
    },
    async deleteAlias(address) {
      return aliases.deleteAlias(db, address);
    },
    async findAlias(address) {
      return aliases.findAlias(db, address);
    },
    async listDomains() {
      return aliases.listDomains(db);
    },
    async deleteDomain(name) {
      return aliases.deleteDomain(db, name);
    },
    async snoozeEmail(accountId, emailId, until) {
      snoozes.snoozeEmail(db, accountId, emailId, until);
    },
    async unsnoozeEmail(accountId, emailId) {
      return snoozes.unsnoozeEmail(db, accountId, emailId);
    },
    async wakeDueSnoozes(now) {
      return snoozes.wakeDueSnoozes(db, now);
    },
    async listSnoozed(accountId) {
      return snoozes.listSnoozed(db, accountId);
    },
    async nextSnoozeDue() {
      return snoozes.nextSnoozeDue(db);
    },
  };
  // Every call may have written: the feed looks (coalesced, and only while someone listens).
  for (const [name, method] of Object.entries(store)) {
    if (name === 'close' || name === 'subscribeStateChanges' || typeof method !== 'function') continue;
    (store as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      const result = (method as (...a: unknown[]) => unknown).apply(store, args);
      if (result instanceof Promise) return result.finally(() => feed.nudge());
      feed.nudge();
      return result;
    };
  }
  return store;
}
