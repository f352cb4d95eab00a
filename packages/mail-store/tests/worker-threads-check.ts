// Run by worker-threads.test.ts, compiled (dist/tests/worker-threads-check.js), as its own process:
// a store whose worker threads (batch parsing, checkpoints) have worked, then closes with nothing
// else to keep the process alive. Prints one JSON line once closed; a thread that the close waits
// for without holding the process would end it first, with exit code 13 and no line.
import { rawMessage } from '../src/testing/fixture.js';
import { createTestStore } from './helpers.js';

const { store, account, inbox, cleanup } = await createTestStore();
const message = (i: number) => rawMessage({ Subject: `message ${i}` }, `body ${i}\n`);
// Enough groups to start the checkpoint thread (background-checkpoints.ts), one delivery each.
for (let i = 0; i < 40; i += 1)
  await store.importMessage(account.id, { raw: message(i), mailboxIds: [inbox.id] });
// A batch big enough for the prepare pool, twice: the second finds its thread ready.
for (const from of [1000, 2000]) {
  const batch = Array.from({ length: 150 }, (_, i) => ({ raw: message(from + i), mailboxIds: [inbox.id] }));
  await store.importMessages(account.id, batch);
  await new Promise((resolve) => setTimeout(resolve, 500));
}
const quota = await store.getQuota(account.id);
await cleanup(); // closes the store: the part that must not end the process early
console.log(JSON.stringify({ closed: true, emails: quota.usedEmails }));
