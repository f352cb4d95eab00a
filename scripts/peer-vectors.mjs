// Runs Colibri against ../shared/peer-vectors (other projects' test data) and reports, per suite,
// how many vectors match, how many deviate for a recorded reason (scripts/peer-vectors/
// deviations.json: vector path -> check -> reason) and how many fail. Called by .ci/run after the
// test command (which builds dist/). A vector is never dropped. The run fails (exit 1) when a
// vector fails without a recorded reason (including a crash or a hang), or when a suite's match
// count falls below the recorded floor (scripts/peer-vectors/floor.json).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMimeVectors } from './peer-vectors/mime.mjs';
import { runIcalVectors } from './peer-vectors/ical.mjs';
import { runVcardVectors } from './peer-vectors/vcard.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const vectorsDir = path.resolve(process.argv[2] ?? path.join(here, '../../shared/peer-vectors'));
const floorFile = path.join(here, 'peer-vectors', 'floor.json');
const floor = JSON.parse(readFileSync(floorFile, 'utf8'));
const {
  reasons,
  vectors: deviations,
  knownBugs,
} = JSON.parse(readFileSync(path.join(here, 'peer-vectors', 'deviations.json'), 'utf8'));
/** A deviation names a shared reason (a key of `reasons`) or gives its own text. */
const reasonFor = (text) => (text === undefined ? undefined : (reasons[text] ?? text));

/** A crash or a hang is never explained away by a deviation entry. */
const UNEXPLAINABLE = new Set(['crash', 'time', 'raw']);

const suites = [
  ...(await runMimeVectors(vectorsDir)),
  ...runIcalVectors(vectorsDir),
  ...runVcardVectors(vectorsDir),
];
let failedRun = false;
const counts = {};
const totals = { all: 0, match: 0, deviate: 0, fail: 0, skip: 0 };
const usedReasons = new Set();
for (const { suite, results, note } of suites) {
  const lines = [];
  let match = 0;
  let deviate = 0;
  let fail = 0;
  let skip = 0;
  for (const r of results) {
    if (r.skipped) {
      skip += 1;
      lines.push(`  SKIP ${r.name}: ${r.skipped}`);
      continue;
    }
    if (r.problems.length === 0) {
      match += 1;
      continue;
    }
    // A [crlf] run of a vector shares the LF run's recorded reasons and diagnoses.
    const base = r.name.replace(/ \[crlf\]$/, '');
    const known = { ...deviations[base], ...deviations[r.name] };
    let unexplained = false;
    const detail = r.problems.map(({ check, message }) => {
      const reason = UNEXPLAINABLE.has(check) ? undefined : reasonFor(known[check]);
      if (reason === undefined) {
        unexplained = true;
        return `    FAIL ${check}: ${message}`;
      }
      usedReasons.add(`${deviations[r.name]?.[check] === undefined ? base : r.name}\u0000${check}`);
      return `    deviates ${check}: ${message}; reason: ${reason}`;
    });
    if (unexplained) fail += 1;
    else deviate += 1;
    lines.push(`  ${unexplained ? 'FAIL' : 'DEVIATES'} ${r.name}`, ...detail);
    // A diagnosed bug of ours stays a failure; the diagnosis only says where to fix it.
    if (unexplained && knownBugs[base]) lines.push(`    diagnosis: ${knownBugs[base]}`);
  }
  counts[suite] = match;
  totals.all += results.length;
  totals.match += match;
  totals.deviate += deviate;
  totals.fail += fail;
  totals.skip += skip;
  console.log(
    `\n${suite}: ${match} of ${results.length} match, ${deviate} deviate (explained), ${fail} fail` +
      (skip ? `, ${skip} skipped` : ''),
  );
  if (note) console.log(`  ${note}`);
  for (const line of lines) console.log(line);
  if (fail > 0) failedRun = true;
  if (match < (floor[suite] ?? 0)) {
    failedRun = true;
    console.log(`  below the recorded floor of ${floor[suite]} matching vectors`);
  }
}
// A recorded reason whose mismatch is gone is stale: say so, so the file is pruned.
for (const [name, checks] of Object.entries(deviations))
  for (const check of Object.keys(checks))
    if (!usedReasons.has(`${name}\u0000${check}`))
      console.log(`note: deviations.json entry no longer needed: ${name} / ${check}`);
if (process.env.PEER_VECTORS_RECORD_FLOOR === '1')
  writeFileSync(floorFile, JSON.stringify(counts, null, 2) + '\n');
console.log(
  `\npeer vectors: ${totals.match} of ${totals.all} match, ${totals.deviate} deviate (explained), ` +
    `${totals.fail} fail` +
    (totals.skip ? `, ${totals.skip} skipped` : ''),
);
process.exit(failedRun ? 1 : 0);
