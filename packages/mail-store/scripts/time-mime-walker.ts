// Times the streaming MIME walker against the recursive parser it replaced, on the bench corpus.
// Not a test. From the repo root:
//   pnpm --filter @colibri/bench corpus --messages 5000 --out /tmp/corpus.mbox
//   bench/node_modules/.bin/tsx packages/mail-store/scripts/time-mime-walker.ts /tmp/corpus.mbox [rounds]
// and read the figures (messages per second, best round).
import { readFileSync } from 'node:fs';
import { parseMimeTree } from '../src/mime/mime-tree.js';
import { createMimeWalker } from '../src/mime/mime-walker.js';
import { loadLegacyParser } from './legacy-mime.js';

const mbox = process.argv[2];
if (!mbox) throw new Error('usage: time-mime-walker.ts <corpus.mbox> [rounds]');
const rounds = Number(process.argv[3] ?? 7);
const legacy = await loadLegacyParser();

/** mboxrd (RFC 4155): entries start with a "From " line; ">From " lines lose one ">". */
const messages = readFileSync(mbox, 'latin1')
  .split(/^From .*\n/m)
  .filter((entry) => entry.length > 0)
  .map((entry) => Buffer.from(entry.replace(/\n$/, '').replace(/^>(>*From )/gm, '$1'), 'latin1'));
const count = messages.length;
const bytes = messages.reduce((sum, m) => sum + m.byteLength, 0);

/** The walker as a streaming import would use it: 64 KiB chunks, sinks that only count. */
function streamed(raw: Buffer): void {
  let size = 0;
  const walker = createMimeWalker({
    onLeaf: () => ({
      write: (d) => void (size += d.byteLength),
      end: () => undefined,
      abort: () => undefined,
    }),
  });
  for (let at = 0; at < raw.byteLength; at += 65536) walker.write(raw.subarray(at, at + 65536));
  walker.end();
}

const contenders: [string, (raw: Buffer) => unknown][] = [
  ['old parseMimeTree (recursive)', legacy.parseMimeTree],
  ['new parseMimeTree (walker, one chunk)', parseMimeTree],
  ['new walker, 64 KiB chunks, counting sinks', streamed],
];
const best = new Map<string, number>();
for (let round = 0; round < rounds; round++) {
  for (const [name, parse] of contenders) {
    const started = performance.now();
    for (const raw of messages) parse(raw);
    const ms = performance.now() - started;
    best.set(name, Math.min(best.get(name) ?? Infinity, ms));
  }
}
legacy.dispose();

console.log(`${count} bench messages, ${(bytes / 1048576).toFixed(1)} MiB; best of ${rounds} rounds:`);
const baseline = best.get(contenders[0]![0])!;
for (const [name] of contenders) {
  const ms = best.get(name)!;
  const perSecond = Math.round((count / ms) * 1000);
  const change = (((ms - baseline) / baseline) * 100).toFixed(1);
  console.log(`  ${name}: ${ms.toFixed(0)} ms, ${perSecond} msg/s (${change}% time vs old)`);
}
