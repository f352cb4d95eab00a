#!/usr/bin/env node
import { processIo } from './process-io.js';
import { runCli } from './run-cli.js';

// A batch import writes and fsyncs hundreds of blob files at once; libuv's default pool of 4
// threads serialises them (5,000 messages here: about 1.3x faster with 16). Read once, at the
// pool's first use, which comes after this line; an operator's own setting wins.
process.env.UV_THREADPOOL_SIZE ??= '16';

process.exitCode = await runCli(process.argv.slice(2), processIo());
