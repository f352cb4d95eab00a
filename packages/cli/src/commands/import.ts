import { maxImportBatchMessages, type BatchImportInput } from '@colibri/mail-store';
import { takePositionals } from '../args.js';
import { exitCodes } from '../cli-error.js';
import type { Command } from '../command.js';
import { createProgress, type ProgressCounts } from '../progress.js';
import { createMailboxResolver, mailboxPath } from '../resolve-mailbox.js';
import { resolveAccount } from '../resolve-account.js';
import { openImportSource } from '../sources/open-source.js';
import type { SourceMessage } from '../sources/source-message.js';

/** A batch is committed when it has this many messages… */
export const importBatchMessages = Math.min(1000, maxImportBatchMessages);
/** …or this many bytes, whichever comes first (bounds the memory an import holds). */
export const importBatchBytes = 32 * 1024 * 1024;
/** At most this many failures are listed one by one; the summary counts them all. */
const maxListedFailures = 20;

export const importCommand: Command = {
  path: ['import'],
  usage: '<email> <mbox file | Maildir | folder of .eml | file.eml> [--mailbox Name/Sub]',
  summary: 'Import mail; resumable: a re-run after Ctrl-C or a crash skips what was imported',
  options: { mailbox: { type: 'string' } },
  async run(ctx, { positionals, values }) {
    const [email, target] = takePositionals(this, positionals, 2);
    const store = await ctx.store();
    const account = await resolveAccount(store, email!);
    const source = await openImportSource(target!);
    const base = mailboxPath(typeof values.mailbox === 'string' ? values.mailbox : undefined);
    const mailboxOf = createMailboxResolver(store, account.id);
    await mailboxOf(base); // an unusable target fails before any work

    const counts: ProgressCounts = { imported: 0, skipped: 0, failed: 0 };
    const progress = createProgress(ctx.io, source.total, source.unit);
    let interrupted = false;
    const stopListening = ctx.io.onInterrupt(() => {
      interrupted = true;
      ctx.io.err('\nStopping after the current batch (committed batches are kept)…\n');
    });
    let done = 0;
    let listed = 0;
    const commit = async (batch: SourceMessage[]) => {
      if (batch.length === 0) return;
      const inputs: BatchImportInput[] = [];
      for (const m of batch) {
        inputs.push({
          raw: m.raw,
          mailboxIds: [await mailboxOf([...base, ...m.folder])],
          keywords: m.keywords,
          receivedAt: m.receivedAt,
          importKey: m.key,
        });
      }
      const results = await store.importMessages(account.id, inputs);
      results.forEach((r, i) => {
        counts[r.status === 'imported' ? 'imported' : r.status === 'skipped' ? 'skipped' : 'failed'] += 1;
        if (r.status === 'failed' && listed++ < maxListedFailures)
          ctx.io.err(
            `${ctx.io.errIsTty ? '\r\x1b[K' : ''}Not imported: ${batch[i]!.where}: ${r.error.message}\n`,
          );
      });
      done = batch[batch.length - 1]!.progress;
      progress.update(done, counts);
    };
    // One batch commits while the next is read and parsed (the store parses in threads): at most
    // two batches in memory.
    let inFlight: Promise<void> | null = null;
    try {
      let batch: SourceMessage[] = [];
      let bytes = 0;
      for await (const message of source.messages()) {
        batch.push(message);
        bytes += message.raw.byteLength;
        if (batch.length >= importBatchMessages || bytes >= importBatchBytes) {
          const started = commit(batch);
          started.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
          if (inFlight) await inFlight;
          inFlight = started;
          batch = [];
          bytes = 0;
          if (interrupted) break;
        }
      }
      if (inFlight) await inFlight;
      if (!interrupted) await commit(batch);
    } finally {
      stopListening();
    }
    progress.finish(done, counts);
    const seconds = progress.elapsedSeconds();
    const total = counts.imported + counts.skipped + counts.failed;
    ctx.io.err(
      `${interrupted ? 'Interrupted' : 'Done'}: ${counts.imported} imported, ${counts.skipped} already there, ` +
        `${counts.failed} failed in ${seconds.toFixed(1)} s (${(total / Math.max(seconds, 1e-3)).toFixed(0)} msg/s)\n`,
    );
    if (interrupted) {
      ctx.io.err(`Run the same command again to continue where it stopped.\n`);
      return exitCodes.interrupted;
    }
    return counts.failed > 0 ? exitCodes.failure : exitCodes.ok;
  },
};
