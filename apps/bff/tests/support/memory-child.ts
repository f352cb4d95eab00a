// The real BFF in a child process whose memory a test measures: started from the environment like
// main.ts, it prints "READY <smtpPort>"; "mark" on stdin restarts the peak RSS (sampled every
// 5 ms) from the current RSS and prints "MARKED"; "peak" prints "PEAK <growth in bytes>".
import { createInterface } from 'node:readline';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logger.js';
import { startColibri } from '../../src/server.js';

const colibri = await startColibri(loadConfig(process.env, process.cwd()), { log: createLogger('silent') });
let base = process.memoryUsage.rss();
let peak = base;
setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5).unref();
process.stdout.write(`READY ${colibri.smtpPort}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'mark') {
    base = peak = process.memoryUsage.rss();
    process.stdout.write('MARKED\n');
  } else if (line === 'peak') {
    peak = Math.max(peak, process.memoryUsage.rss());
    process.stdout.write(`PEAK ${peak - base}\n`);
  }
}
await colibri.close();
