// Equivalence proof of the streaming MIME walker against the recursive parser it replaced. Not a
// test: run `bench/node_modules/.bin/tsx packages/mail-store/scripts/compare-mime-walker.ts
// [vectorsDir] [oldCommit]` from the repo root. The old parser's files are taken from git
// (`oldCommit`, default the last commit that had it) into a temporary folder. Every peer-vector
// file (as is and with CRLF), the tricky fixtures and seeded mutations of them are parsed by the
// old parser whole and by the walker fed in 1-byte, 7-byte, 4 KiB, random and whole chunks; the
// trees (every field) and every leaf's content must be byte-identical. Exits 1 on a difference.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { treeFingerprint, trickyMessages, withCrlf } from '../src/mime/mime-fixtures.test-data.js';
import { createMimeWalker } from '../src/mime/mime-walker.js';
import type { MimeTree } from '../src/mime/mime-tree.js';
import { keepingSink, parseMimeTree } from '../src/mime/mime-tree.js';
import { legacyCommit, loadLegacyParser, repoRoot } from './legacy-mime.js';

const vectorsDir = path.resolve(process.argv[2] ?? path.join(repoRoot, '../shared/peer-vectors/mime'));
const legacy = await loadLegacyParser(process.argv[3] ?? legacyCommit);

/** A seeded generator (mulberry32), so that a difference can be reproduced. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const chunkings: [string, (length: number, next: () => number) => number][] = [
  ['1', () => 1],
  ['7', () => 7],
  ['4096', () => 4096],
  ['random', (_, next) => 1 + Math.floor(next() * 300)],
  ['whole', (length) => Math.max(1, length)],
];

function walk(raw: Uint8Array, chunkSize: (length: number, next: () => number) => number, seed: number) {
  const next = random(seed);
  const walker = createMimeWalker({ onLeaf: keepingSink });
  for (let at = 0; at < raw.byteLength;) {
    const size = chunkSize(raw.byteLength, next);
    walker.write(raw.subarray(at, at + size));
    at += size;
  }
  return walker.end();
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: old …${a.slice(Math.max(0, i - 60), i + 60)}… new …${b.slice(Math.max(0, i - 60), i + 60)}…`;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

/** A fixture with random edits at random places: delimiters, line breaks, "=", junk. */
function mutate(text: string, next: () => number): string {
  const edits = ['\n', '\r\n', '\r', '--', '--b', '--b--', '--outer\n', '=', '=\n', ' ', '\n\n', 'Q', ':'];
  let out = text;
  const count = 1 + Math.floor(next() * 6);
  for (let i = 0; i < count; i++) {
    const at = Math.floor(next() * (out.length + 1));
    if (next() < 0.3) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(next() * 4));
    else out = out.slice(0, at) + edits[Math.floor(next() * edits.length)]! + out.slice(at);
  }
  return out;
}

const inputs: [string, Uint8Array][] = [];
for (const file of listFiles(vectorsDir).sort()) {
  const raw = readFileSync(file);
  const name = path.relative(vectorsDir, file);
  inputs.push([name, raw]);
  const crlf = Buffer.from(withCrlf(raw.toString('latin1')), 'latin1');
  if (!crlf.equals(raw)) inputs.push([`${name} [crlf]`, crlf]);
}
const vectorInputs = inputs.length;
for (const [name, text] of Object.entries(trickyMessages)) {
  inputs.push([`fixture: ${name}`, Buffer.from(text, 'latin1')]);
  inputs.push([`fixture: ${name} [crlf]`, Buffer.from(withCrlf(text), 'latin1')]);
}
const fixtureInputs = inputs.length - vectorInputs;
const next = random(2026);
const fixtureTexts = Object.values(trickyMessages).filter((text) => text.length < 20_000);
for (let i = 0; i < 3000; i++) {
  const base = fixtureTexts[Math.floor(next() * fixtureTexts.length)]!;
  inputs.push([`mutation ${i}`, Buffer.from(mutate(next() < 0.5 ? base : withCrlf(base), next), 'latin1')]);
}

let comparisons = 0;
const differences: string[] = [];
try {
  for (const [index, [name, raw]] of inputs.entries()) {
    const expected = treeFingerprint(legacy.parseMimeTree(raw));
    const runs: [string, MimeTree][] = chunkings.map(([label, size]) => [label, walk(raw, size, index)]);
    runs.push(['parseMimeTree', parseMimeTree(raw)]);
    for (const [label, tree] of runs) {
      comparisons += 1;
      const actual = treeFingerprint(tree);
      if (actual !== expected)
        differences.push(`${name} (${label} chunks): ${firstDifference(expected, actual)}`);
    }
  }
} finally {
  legacy.dispose();
}

console.log(
  `inputs: ${inputs.length} (${vectorInputs} peer-vector files and CRLF variants, ${fixtureInputs} fixtures, ` +
    `${inputs.length - vectorInputs - fixtureInputs} mutations); chunkings: ${chunkings.map(([l]) => l).join(', ')}, ` +
    `and parseMimeTree; comparisons: ${comparisons}; differences: ${differences.length}`,
);
for (const difference of differences.slice(0, 30)) console.log(`  DIFF ${difference}`);
if (differences.length > 0) process.exitCode = 1;
