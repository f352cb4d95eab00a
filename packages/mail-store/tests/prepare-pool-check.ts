// Run by prepare-pool.test.ts, compiled (dist/tests/prepare-pool-check.js), as its own process: the
// pool's threads load the compiled parser, which the sources under a TypeScript loader cannot give
// them. Prepares the MIME fixtures in a thread and on this thread; prints one JSON line to compare.
import { isDeepStrictEqual } from 'node:util';
import { trickyMessages, withCrlf } from '../src/mime/mime-fixtures.test-data.js';
import { prepareImportBytes } from '../src/sqlite/prepare-import.js';
import { startPreparePool } from '../src/sqlite/prepare-pool.js';

const pool = startPreparePool(1);
const deadline = Date.now() + 20_000;
while (pool.threads === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
const threads = pool.threads;
const messages = Object.values(trickyMessages).flatMap((m) => [Buffer.from(m), Buffer.from(withCrlf(m))]);
// A view into a larger buffer, as the mbox reader hands them over.
const big = Buffer.concat(messages);
let offset = 0;
const views = messages.map((m) => big.subarray(offset, (offset += m.length)));
const inPool = await Promise.all(views.map((raw) => pool.prepare(raw)));
const differing = views.filter((raw, i) => !isDeepStrictEqual(inPool[i], prepareImportBytes(raw))).length;
await pool.close();
console.log(JSON.stringify({ threads, messages: views.length, differing }));
