// Runs Colibri against ../shared/peer-vectors (other projects' test data) and reports how many
// vectors pass. Called by .ci/run after the test command (which builds dist/). A vector is never
// dropped: a known deviation stays counted as failed. The run fails only when the pass count falls
// below the recorded floor (scripts/peer-vectors/floor.json), so regressions cannot land silently.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMimeVectors } from './peer-vectors/mime.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const vectorsDir = path.resolve(process.argv[2] ?? path.join(here, '../../shared/peer-vectors'));
const floorFile = path.join(here, 'peer-vectors', 'floor.json');
const floor = JSON.parse(readFileSync(floorFile, 'utf8'));

const suites = await runMimeVectors(vectorsDir);
let belowFloor = false;
const counts = {};
for (const { suite, results } of suites) {
  const skipped = results.filter((r) => r.skipped);
  const failed = results.filter((r) => !r.skipped && r.problems.length > 0);
  const passed = results.length - skipped.length - failed.length;
  counts[suite] = passed;
  console.log(
    `\n${suite}: ${passed} of ${results.length} pass (${failed.length} deviate, ${skipped.length} skipped)`,
  );
  for (const r of failed) console.log(`  FAIL ${r.name}: ${r.problems.join('; ')}`);
  for (const r of skipped) console.log(`  SKIP ${r.name}: ${r.skipped}`);
  if (passed < (floor[suite] ?? 0)) {
    belowFloor = true;
    console.log(`  below the recorded floor of ${floor[suite]} passing vectors`);
  }
}
if (process.env.PEER_VECTORS_RECORD_FLOOR === '1')
  writeFileSync(floorFile, JSON.stringify(counts, null, 2) + '\n');
const total = suites.flatMap((s) => s.results);
const passedAll = total.filter((r) => !r.skipped && r.problems.length === 0).length;
const skippedAll = total.filter((r) => r.skipped).length;
console.log(
  `\npeer vectors: ${passedAll} of ${total.length} pass (${total.length - passedAll - skippedAll} deviate, ${skippedAll} skipped)`,
);
process.exit(belowFloor ? 1 : 0);
