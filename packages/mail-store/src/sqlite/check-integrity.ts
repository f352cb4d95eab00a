import { createHash } from 'node:crypto';
import { blobIdOf } from '../blobs/blob-id.js';
import type { BlobStore } from '../blobs/blob-store.js';
import { parseMimeTree, type MimePart } from '../mime/mime-tree.js';
import type { IntegrityOptions, IntegrityProblem, IntegrityReport, IntegrityWarning } from '../mail-store.js';
import type { BlobId, BodyPart } from '../model.js';
import { blobInUse } from './blob-in-use.js';
import type { EmailIndex } from './email-rows.js';
import type { Db } from './open-database.js';
import type { SqliteSearchIndex } from './sqlite-search-index.js';

/** Unreferenced blob files listed one by one in a report at most (all are counted). */
const maxListedWarnings = 100;

function leaves(part: BodyPart, out: BodyPart[] = []): BodyPart[] {
  if (part.blobId) out.push(part);
  for (const sub of part.subParts ?? []) leaves(sub, out);
  return out;
}

/** The blob's size and sha256 hex, streamed (a 50 MB blob is never whole in memory); null when missing. */
async function measure(blobs: BlobStore, id: BlobId, hash: boolean): Promise<Measured | null> {
  const opened = await blobs.open(id);
  if (!opened) return null;
  if (!hash) {
    opened.stream.destroy();
    return { size: opened.size, hex: null };
  }
  const digest = createHash('sha256');
  let size = 0;
  for await (const chunk of opened.stream as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    digest.update(chunk);
  }
  return { size, hex: digest.digest('hex') };
}

/** Rows of a query that should return none, each turned into a problem. */
function expectNone(db: Db, sql: string, kind: IntegrityProblem['kind'], detail: string): IntegrityProblem[] {
  return (db.prepare(sql).all() as { subject: string }[]).map((r) => ({ kind, subject: r.subject, detail }));
}

/**
 * Recomputes what writes maintain incrementally and compares: full-text rows, mailbox counts,
 * quota usage, memberships, threads, blob references; then checks every email's blobs exist with
 * the recorded size and (all, or a random `hashSample` share) the right sha256. Reads a snapshot
 * for the metadata part (one read transaction), then the blob files; last, lists every blob file
 * and counts (as warnings) those nothing names.
 */
export async function checkIntegrity(
  db: Db,
  search: SqliteSearchIndex,
  blobs: BlobStore,
  options: IntegrityOptions = {},
): Promise<IntegrityReport> {
  const problems: IntegrityProblem[] = [];
  const { emails, expectedRaws, expectedParts } = db.transaction(() => {
    problems.push(
      // The search index checks its own documents against the emails (FTS5: rows by search_id).
      ...(search.integrityProblems?.(db) ?? []),
      ...expectNone(
        db,
        `SELECT em.mailbox_id || '/' || em.email_id AS subject FROM email_mailboxes em
          WHERE NOT EXISTS (SELECT 1 FROM mailboxes m WHERE m.id = em.mailbox_id)
             OR NOT EXISTS (SELECT 1 FROM emails e WHERE e.id = em.email_id)`,
        'danglingMembership',
        'membership points to a missing mailbox or email',
      ),
      ...expectNone(
        db,
        `SELECT e.id AS subject FROM emails e WHERE NOT EXISTS (SELECT 1 FROM email_mailboxes em WHERE em.email_id = e.id)`,
        'danglingMembership',
        'email is in no mailbox',
      ),
      ...expectNone(
        db,
        `SELECT e.id AS subject FROM emails e LEFT JOIN threads t ON t.id = e.thread_id
          WHERE t.id IS NULL OR t.account_id <> e.account_id`,
        'threadMismatch',
        'email points to a missing thread or one of another account',
      ),
      ...expectNone(
        db,
        `SELECT t.id AS subject FROM threads t WHERE NOT EXISTS (SELECT 1 FROM emails e WHERE e.thread_id = t.id)`,
        'threadMismatch',
        'thread has no email',
      ),
      ...expectNone(
        db,
        // Written by import itself or by the trigger (migration 12): both must give the same keys.
        `SELECT em.mailbox_id || '/' || em.email_id AS subject FROM email_mailboxes em JOIN emails e ON e.id = em.email_id
          WHERE em.thread_id IS NOT e.thread_id OR em.size IS NOT e.size
             OR em.sent_at IS NOT coalesce(e.sent_at, e.received_at)
             OR em.subject_sort IS NOT colibri_unicode_fold(colibri_base_subject(e.subject))
             OR em.from_sort IS NOT colibri_unicode_fold(e.from_sort)
             OR em.to_sort IS NOT colibri_unicode_fold(coalesce(e.index_json ->> '$.to[0].name', e.index_json ->> '$.to[0].email', ''))`,
        'sortKeyMismatch',
        'membership sort keys differ from its email',
      ),
      ...expectNone(
        db,
        // Migration 33: the list's copy of the addresses must say what index_json says.
        `SELECT e.id AS subject FROM emails e WHERE json(e.envelope_json) IS NOT
           json_remove(e.index_json, '$.bodyStructure', '$.textBody', '$.htmlBody', '$.attachments')`,
        'envelopeMismatch',
        'the envelope column differs from the index',
      ),
      ...expectNone(
        db,
        `SELECT e.account_id || '/' || b.blob_id AS subject FROM email_blobs b JOIN emails e ON e.id = b.email_id
          WHERE b.account_id IS NOT e.account_id`,
        'blobAccountMismatch',
        "a blob of an email is recorded for another account than the email's",
      ),
      // No cascade from emails since migration 31: a destroy that missed a row leaves it here.
      ...expectNone(
        db,
        `SELECT b.email_id || '/' || b.blob_id AS subject FROM email_blobs b
          WHERE NOT EXISTS (SELECT 1 FROM emails e WHERE e.id = b.email_id)`,
        'danglingEmailBlob',
        'a blob reference names a missing email',
      ),
      ...expectNone(
        db,
        `WITH t AS (
            SELECT em.mailbox_id, e.thread_id, count(*) AS emails, sum(e.unread) AS unread
              FROM email_mailboxes em JOIN emails e ON e.id = em.email_id GROUP BY em.mailbox_id, e.thread_id),
          c AS (
            SELECT m.id AS mailbox_id, coalesce(sum(t.emails), 0) AS total_emails, coalesce(sum(t.unread), 0) AS unread_emails,
                   count(t.thread_id) AS total_threads, count(CASE WHEN t.unread > 0 THEN 1 END) AS unread_threads
              FROM mailboxes m LEFT JOIN t ON t.mailbox_id = m.id GROUP BY m.id)
          SELECT c.mailbox_id AS subject FROM c LEFT JOIN mailbox_counts k ON k.mailbox_id = c.mailbox_id
           WHERE coalesce(k.total_emails, 0) <> c.total_emails OR coalesce(k.unread_emails, 0) <> c.unread_emails
              OR coalesce(k.total_threads, 0) <> c.total_threads OR coalesce(k.unread_threads, 0) <> c.unread_threads`,
        'mailboxCountMismatch',
        'stored mailbox counts differ from the recomputed ones',
      ),
      ...expectNone(
        db,
        `SELECT a.id AS subject FROM accounts a LEFT JOIN account_quotas q ON q.account_id = a.id
          WHERE coalesce(q.used_emails, 0) <> (SELECT count(*) FROM emails e WHERE e.account_id = a.id)
             OR coalesce(q.used_bytes, 0) <> (SELECT coalesce(sum(size), 0) FROM emails e WHERE e.account_id = a.id)`,
        'quotaUsageMismatch',
        'stored quota usage differs from the recomputed one',
      ),
    );
    const rows = db.prepare('SELECT id, blob_id, size, index_json FROM emails').all() as {
      id: string;
      blob_id: BlobId;
      size: number;
      index_json: string;
    }[];
    // Every raw message with the size the metadata records for it; every leaf with its message.
    const raws = new Map<BlobId, { size: number; subject: string }>();
    const parts = new Map<BlobId, { size: number; subject: string; rawId: BlobId }>();
    for (const row of rows) {
      raws.set(row.blob_id, { size: row.size, subject: row.id });
      for (const part of leaves((JSON.parse(row.index_json) as EmailIndex).bodyStructure))
        parts.set(part.blobId!, {
          size: part.size,
          subject: `${row.id}/${part.partId ?? ''}`,
          rawId: row.blob_id,
        });
    }
    return { emails: rows.length, expectedRaws: raws, expectedParts: parts };
  })();

  const sample = options.hashSample ?? 1;
  let blobsChecked = 0;
  const check = (blobId: BlobId, subject: string, size: number, got: Measured | null) => {
    blobsChecked++;
    if (!got) problems.push({ kind: 'missingBlob', subject, detail: `blob ${blobId} is missing` });
    else if (got.size !== size)
      problems.push({
        kind: 'blobSizeMismatch',
        subject,
        detail: `blob ${blobId} has ${got.size} bytes, not ${size}`,
      });
    else if (got.hex !== null && `G${got.hex}` !== blobId)
      problems.push({ kind: 'blobHashMismatch', subject, detail: `blob ${blobId} does not hash to its id` });
  };
  for (const [blobId, { size, subject }] of expectedRaws)
    check(blobId, subject, size, await measure(blobs, blobId, Math.random() < sample));
  // A leaf is a file of its own (imports before part-blobs.ts) or is decoded from its message: then
  // hashing means parsing that message again and finding the part by its content.
  const parsed = new Map<BlobId, Map<string, number> | null>();
  for (const [blobId, { size, subject, rawId }] of expectedParts) {
    const hash = Math.random() < sample;
    const file = await measure(blobs, blobId, hash);
    if (file || !hash || !expectedRaws.has(rawId) || !(await blobs.has(rawId))) {
      // Without a file and unhashed, the raw message's own check stands for it.
      if (file || hash) check(blobId, subject, size, file);
      else blobsChecked++;
      continue;
    }
    if (!parsed.has(rawId)) parsed.set(rawId, await leafDigests(blobs, rawId));
    const found = parsed.get(rawId)?.get(blobId);
    check(blobId, subject, size, found === undefined ? null : { size: found, hex: blobId.slice(1) });
  }
  // A Sieve script's text (RFC 9661) is a blob too: delivery reads it, so it must be there.
  const scripts = db.prepare('SELECT id, blob_id FROM sieve_scripts').all() as {
    id: string;
    blob_id: BlobId;
  }[];
  for (const { id, blob_id: blobId } of scripts) {
    blobsChecked++;
    if (!(await blobs.has(blobId)))
      problems.push({ kind: 'missingBlob', subject: id, detail: `blob ${blobId} is missing` });
  }
  // Files nothing names are warnings, not problems: a crash between putting blobs and committing
  // leaves them by design, and collectGarbage's sweep removes them once idle.
  const inUse = blobInUse(db);
  const warnings: IntegrityWarning[] = [];
  let unreferencedBlobs = 0;
  for await (const { blobId } of blobs.list()) {
    if (inUse(blobId)) continue;
    unreferencedBlobs++;
    if (warnings.length < maxListedWarnings)
      warnings.push({
        kind: 'unreferencedBlob',
        subject: blobId,
        detail: `blob ${blobId} is named by no account or submission in flight; collectGarbage removes it once idle`,
      });
  }
  return { emails, blobsChecked, problems, unreferencedBlobs, warnings };
}

type Measured = { size: number; hex: string | null };

/** The blob ids (and sizes) of the leaves of a stored message, parsed again; null if it is gone. */
async function leafDigests(blobs: BlobStore, rawId: BlobId): Promise<Map<string, number> | null> {
  const raw = await blobs.read(rawId);
  if (!raw) return null;
  const out = new Map<string, number>();
  const walk = (part: MimePart) => {
    if (part.content) out.set(blobIdOf(part.content), part.content.byteLength);
    for (const sub of part.subParts ?? []) walk(sub);
  };
  walk(parseMimeTree(raw).root);
  return out;
}
