import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openMailStore, type MailStore } from '@colibri/mail-store';
import { describe, expect, it } from 'vitest';
import { importBatchMessages } from '../src/commands/import.js';
import { runCli } from '../src/run-cli.js';
import { colibri, message, recordingIo, useTempDirs, withUser } from './helpers.js';

const cliRoot = fileURLToPath(new URL('..', import.meta.url));

async function withStore<T>(
  data: string,
  use: (store: MailStore, accountId: string) => Promise<T>,
): Promise<T> {
  const store = await openMailStore({ dataDir: data });
  try {
    const account = (await store.findAccountByEmail('alice@example.org'))!;
    return await use(store, account.id);
  } finally {
    await store.close();
  }
}

/** Every stored email of alice, oldest first: subject, mailbox names, keywords, raw bytes. */
async function contents(data: string) {
  return withStore(data, async (store, accountId) => {
    const id = accountId as Parameters<MailStore['queryEmails']>[0];
    const boxes = new Map((await store.listMailboxes(id)).map((b) => [b.id, b.name]));
    const { ids } = await store.queryEmails(id, { sort: [{ property: 'receivedAt', isAscending: true }] });
    const emails = await store.getEmails(id, ids);
    return Promise.all(
      emails.map(async (e) => ({
        subject: e.subject,
        mailboxes: e.mailboxIds.map((m) => boxes.get(m)),
        keywords: [...e.keywords].sort(),
        receivedAt: e.receivedAt.toISOString(),
        raw: Buffer.from((await store.readBlob(id, e.blobId))!).toString('latin1'),
      })),
    );
  });
}

/** An mboxrd file of the messages; `quote: false` writes them as given (already quoted). */
function mbox(messages: string[], { quote = true } = {}): string {
  return messages
    .map((m) => (quote ? m.replace(/^(>*From )/gm, '>$1') : m))
    .map((m, i) => `From bob@example.org Tue Nov  3 10:0${i % 10}:00 2026\n${m}\n`)
    .join('');
}

describe('colibri import and export (real store, real files)', () => {
  const tempDirs = useTempDirs();

  it('imports an mbox: splits at From_ lines and unquotes >From (mboxrd, RFC 4155)', async () => {
    const { data, scratch } = await tempDirs();
    await withUser(data);
    const file = path.join(scratch, 'in.mbox');
    const quoted = message(2, 'Line one\n>From here it is quoted\n>>From twice\nFrom-less line\n');
    await writeFile(file, mbox([message(1), quoted, message(3)], { quote: false }));
    const result = await colibri(data, ['import', 'alice@example.org', file]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Done: 3 imported, 0 already there, 0 failed/);
    const stored = await contents(data);
    expect(stored.map((s) => s.subject)).toEqual(['Message 1', 'Message 2', 'Message 3']);
    expect(stored.map((s) => s.mailboxes)).toEqual([['Inbox'], ['Inbox'], ['Inbox']]);
    // One quoting level removed; the blank separator line before the next From_ is not content.
    expect(stored[1]!.raw).toBe(
      message(2, 'Line one\nFrom here it is quoted\n>From twice\nFrom-less line\n'),
    );
    expect(stored[0]!.receivedAt).toBe('2026-11-03T10:00:00.000Z');
  });

  it('imports a Maildir: flags :2,FRS become keywords, Maildir++ subfolders become mailboxes', async () => {
    const { data, scratch } = await tempDirs();
    await withUser(data);
    const root = path.join(scratch, 'Maildir');
    for (const dir of ['cur', 'new', 'tmp', '.Work.Projects/cur', '.Sent/cur'])
      await mkdir(path.join(root, dir), { recursive: true });
    await writeFile(path.join(root, 'new', '1700000001.M1P1.host'), message(1));
    await writeFile(path.join(root, 'cur', '1700000002.M2P1.host:2,FS'), message(2));
    await writeFile(path.join(root, 'cur', '1700000003.M3P1.host:2,DR'), message(3));
    await writeFile(path.join(root, 'tmp', '1700000009.M9P1.host'), message(9)); // unfinished delivery
    await writeFile(path.join(root, '.Work.Projects', 'cur', '1700000004.M4P1.host:2,S'), message(4));
    await writeFile(path.join(root, '.Sent', 'cur', '1700000005.M5P1.host:2,S'), message(5));
    const result = await colibri(data, ['import', 'alice@example.org', root]);
    expect(result).toMatchObject({ code: 0 });
    const stored = await contents(data);
    expect(stored.map((s) => [s.subject, s.mailboxes, s.keywords])).toEqual([
      ['Message 1', ['Inbox'], []],
      ['Message 2', ['Inbox'], ['$flagged', '$seen']],
      ['Message 3', ['Inbox'], ['$answered', '$draft']],
      ['Message 4', ['Projects'], ['$seen']],
      ['Message 5', ['Sent'], ['$seen']],
    ]);
    expect(stored[0]!.receivedAt).toBe(new Date(1700000001 * 1000).toISOString());
    await withStore(data, async (store, accountId) => {
      const boxes = await store.listMailboxes(accountId as never);
      const work = boxes.find((b) => b.name === 'Work')!;
      expect(boxes.find((b) => b.name === 'Projects')!.parentId).toBe(work.id);
      // .Sent went into the existing Sent mailbox (role sent), not a new one.
      expect(boxes.filter((b) => b.name === 'Sent')).toHaveLength(1);
    });
  });

  it('imports a folder of .eml files into the mailbox given with --mailbox (created when missing)', async () => {
    const { data, scratch } = await tempDirs();
    await withUser(data);
    const dir = path.join(scratch, 'emls');
    await mkdir(dir);
    await writeFile(path.join(dir, 'a.eml'), message(1).replace(/\n/g, '\r\n'));
    await writeFile(path.join(dir, 'b.eml'), message(2).replace(/\n/g, '\r\n'));
    await writeFile(path.join(dir, 'notes.txt'), 'not mail');
    expect((await colibri(data, ['import', 'alice@example.org', dir, '--mailbox', 'Old/2019'])).code).toBe(0);
    // Same mtime to the millisecond is possible: compare in subject order.
    const stored = (await contents(data)).sort((a, b) => a.subject!.localeCompare(b.subject!));
    expect(stored.map((s) => [s.subject, s.mailboxes])).toEqual([
      ['Message 1', ['2019']],
      ['Message 2', ['2019']],
    ]);
  });

  it('round-trips: import → export (mboxrd) → re-import gives the same messages', async () => {
    const { data, scratch } = await tempDirs();
    await withUser(data);
    const file = path.join(scratch, 'in.mbox');
    const tricky = message(2, 'From the start of a line\n>From quoted already\nend\n');
    await writeFile(file, mbox([message(1), tricky, message(3).replace(/\n/g, '\r\n')]));
    expect((await colibri(data, ['import', 'alice@example.org', file])).code).toBe(0);
    const exported = path.join(scratch, 'out.mbox');
    const exportRun = await colibri(data, ['export', 'alice@example.org', exported]);
    expect(exportRun.stderr).toBe(`Exported 3 messages to ${exported}\n`);
    expect(exportRun.code).toBe(0);
    expect(await readFile(exported, 'latin1')).toContain(
      '\n>From the start of a line\n>>From quoted already\n',
    );
    expect((await colibri(data, ['export', 'alice@example.org', exported])).code).toBe(1); // exists, no --force

    const other = (await tempDirs()).data;
    await withUser(other);
    expect((await colibri(other, ['import', 'alice@example.org', exported])).code).toBe(0);
    expect(await contents(other)).toEqual(await contents(data));
  });

  it('exports one mailbox with --mailbox, and refuses an unknown one', async () => {
    const { data, scratch } = await tempDirs();
    await withUser(data);
    const file = path.join(scratch, 'in.mbox');
    await writeFile(file, mbox([message(1)]));
    await colibri(data, ['import', 'alice@example.org', file, '--mailbox', 'Archive']);
    await writeFile(file, mbox([message(2)]));
    await colibri(data, ['import', 'alice@example.org', file]);
    const out = path.join(scratch, 'archive.mbox');
    expect((await colibri(data, ['export', 'alice@example.org', out, '--mailbox', 'archive'])).code).toBe(0);
    const text = await readFile(out, 'latin1');
    expect(text).toContain('Subject: Message 1');
    expect(text).not.toContain('Subject: Message 2');
    expect(
      (await colibri(data, ['export', 'alice@example.org', out, '--force', '--mailbox', 'Nope'])).code,
    ).toBe(1);
  });

  it('resumes after Ctrl-C: a re-run imports each message exactly once', async () => {
    const { data, scratch } = await tempDirs();
    await withUser(data);
    const file = path.join(scratch, 'big.mbox');
    const total = importBatchMessages + 700;
    await writeFile(file, mbox(Array.from({ length: total }, (_, i) => message(i))));
    const rec = recordingIo();
    // Ctrl-C at once: the batch in progress is committed, then the import stops.
    const realOnInterrupt = rec.io.onInterrupt;
    rec.io.onInterrupt = (handler) => {
      const off = realOnInterrupt(handler);
      handler();
      return off;
    };
    expect(await runCli(['--data', data, 'import', 'alice@example.org', file], rec.io)).toBe(130);
    expect(rec.stderr()).toContain(`Interrupted: ${importBatchMessages} imported`);
    const again = await colibri(data, ['import', 'alice@example.org', file]);
    expect(again).toMatchObject({
      code: 0,
      stderr: expect.stringContaining(`700 imported, ${importBatchMessages} already there, 0 failed`),
    });
    const subjects = (await contents(data)).map((s) => s.subject);
    expect(subjects).toHaveLength(total);
    expect(new Set(subjects).size).toBe(total);
  });

  it('resumes after a crash (the real `colibri` process killed mid-import): each message exactly once', async () => {
    const { data, scratch } = await tempDirs();
    await withUser(data);
    const file = path.join(scratch, 'big.mbox');
    const count = 2000;
    await writeFile(
      file,
      mbox(Array.from({ length: count }, (_, i) => message(i, `Body ${i}\n${'x'.repeat(2000)}\n`))),
    );
    const child = spawn(
      process.execPath,
      [
        '--conditions=@colibri/source',
        '--import',
        'tsx',
        'src/main.ts',
        '--data',
        data,
        'import',
        'alice@example.org',
        file,
      ],
      { cwd: cliRoot, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Wait (bounded) until at least one batch is committed, then kill it without warning.
    const deadline = Date.now() + 15_000;
    let seen = 0;
    while (seen === 0 && Date.now() < deadline && child.exitCode === null) {
      await new Promise((r) => setTimeout(r, 50));
      seen = await withStore(data, async (store, id) => (await store.getQuota(id as never)).usedEmails);
    }
    child.kill('SIGKILL');
    await exited;
    expect(seen, stderr).toBeGreaterThan(0);
    const again = await colibri(data, ['import', 'alice@example.org', file]);
    expect(again.code).toBe(0);
    const subjects = (await contents(data)).map((s) => s.subject);
    expect(subjects).toHaveLength(count);
    expect(new Set(subjects).size).toBe(count);
  }, 60_000);

  it('runs as a real process: exit code 2 and a usage line for a bad command line, 1 for a missing file', async () => {
    const { data, scratch } = await tempDirs();
    await withUser(data);
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          ['--conditions=@colibri/source', '--import', 'tsx', 'src/main.ts', '--data', data, ...args],
          {
            cwd: cliRoot,
            stdio: ['ignore', 'ignore', 'pipe'],
          },
        );
        let stderr = '';
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
    expect(await run(['import', 'alice@example.org'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Usage: colibri import/),
    });
    expect(await run(['import', 'alice@example.org', path.join(scratch, 'missing.mbox')])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/No such file/),
    });
    const notMbox = path.join(scratch, 'x.txt');
    await writeFile(notMbox, 'hello\n');
    expect((await run(['import', 'alice@example.org', notMbox])).code).toBe(1);
  }, 30_000);
});
