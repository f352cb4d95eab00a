// WAL pages (frames) and CPU per single delivery (`importMessage`, through the group commit), and
// which table or index each page belongs to. Not a test: on a copy of a store that holds mail
// (e.g. made by `colibri import` of `pnpm --filter @colibri/bench corpus`), run
//   npx tsx --conditions=@colibri/source packages/mail-store/scripts/measure-delivery-pages.ts \
//     <store folder> <mbox of messages to deliver> [connections, default 4] [count, default 1000]
// The copy's blobs/ is a link to the original's (content-addressed: deliveries only add files).
// A reader holds its snapshot during the run so that no checkpoint restarts the WAL: every page
// written stays in it, to be counted. Compare two builds on the same store, alternating runs:
// pages per delivery depend on how many deliveries share a transaction (printed).
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openMailStore, type AccountId, type MailboxId } from '../src/index.js';

const [storeDir, mboxFile, connectionsText = '4', countText = '1000'] = process.argv.slice(2);
if (!storeDir || !mboxFile) throw new Error('usage: <store folder> <mbox> [connections] [count]');
const connections = Number(connectionsText);
const count = Number(countText);
const warmUp = 20;

const messages = readFileSync(mboxFile, 'latin1')
  .split(/^From .*\n/m)
  .filter((m) => m.length > 0)
  .slice(0, count + warmUp)
  .map((m) => Buffer.from(m.replace(/^>(>*From )/gm, '$1').replace(/\r?\n/g, '\r\n'), 'latin1'));

const dir = mkdtempSync(path.join(path.dirname(path.resolve(storeDir)), 'measure-'));
try {
  const file = path.join(dir, 'colibri.sqlite');
  copyFileSync(path.join(storeDir, 'colibri.sqlite'), file);
  symlinkSync(path.resolve(storeDir, 'blobs'), path.join(dir, 'blobs'));
  const store = await openMailStore({ dataDir: dir });
  const side = new Database(file);
  const { accountId, inbox } = side
    .prepare(
      `SELECT m.account_id AS accountId, m.id AS inbox FROM mailboxes m JOIN emails e ON e.account_id = m.account_id
        WHERE m.role = 'inbox' LIMIT 1`,
    )
    .get() as { accountId: AccountId; inbox: MailboxId };
  const deliver = (raw: Buffer) => store.importMessage(accountId, { raw, mailboxIds: [inbox], keywords: [] });
  for (const raw of messages.slice(count)) await deliver(raw);
  side.pragma('wal_checkpoint(TRUNCATE)');
  side.exec('BEGIN');
  side.prepare('SELECT count(*) FROM meta').get();

  const work = messages.slice(0, count);
  const cpu = process.cpuUsage();
  let next = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < work.length) await deliver(work[next++]!);
    }),
  );
  const used = process.cpuUsage(cpu);

  const wal = readFileSync(`${file}-wal`);
  const frameBytes = 24 + wal.readUInt32BE(8);
  const frames = Math.floor((wal.length - 32) / frameBytes);
  side.exec('COMMIT');
  const owner = new Map<number, string>();
  for (const row of side.prepare('SELECT name, pageno FROM dbstat').iterate() as Iterable<{
    name: string;
    pageno: number;
  }>)
    owner.set(row.pageno, row.name);
  const pages = new Map<string, number>();
  let commits = 0;
  for (let i = 0; i < frames; i++) {
    const at = 32 + i * frameBytes;
    const name = owner.get(wal.readUInt32BE(at)) ?? '(free or new)';
    pages.set(name, (pages.get(name) ?? 0) + 1);
    if (wal.readUInt32BE(at + 4) !== 0) commits += 1;
  }
  const n = work.length;
  console.log(
    `${n} deliveries, ${connections} at once: ${(frames / n).toFixed(2)} WAL pages and ` +
      `${((used.user + used.system) / 1000 / n).toFixed(2)} ms CPU each; ` +
      `${commits} commits (${(n / commits).toFixed(2)} deliveries each, FTS batches included)`,
  );
  for (const [name, total] of [...pages].sort((a, b) => b[1] - a[1]))
    console.log(`${(total / n).toFixed(2).padStart(7)}  ${name}`);
  side.close();
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
