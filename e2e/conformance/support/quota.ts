import type { ConformanceServer } from './fixtures.js';
import type { JmapAccount } from './jmap-raw.js';
import { runCli } from './cli.js';

/** A Quota method call on the account (RFC 9425 methods take the standard accountId). */
export const q = (account: JmapAccount, method: string, args: Record<string, unknown>) =>
  account.ok<Record<string, unknown>>(method, { accountId: account.accountId, ...args });

// The operator's limits, set with the CLI as an administrator would: 100 emails, 10 MB.
const limitedAccounts = new WeakSet<JmapAccount>();
export async function limited(account: JmapAccount, server: ConformanceServer): Promise<void> {
  if (limitedAccounts.has(account)) return;
  await runCli(server.dataDir, ['quota', 'set', account.email, '--count', '100', '--size', '10M']);
  limitedAccounts.add(account);
}
