import { Capability } from '@colibri/jmap-types';
import type { CapabilityUrn } from '@colibri/jmap-types';

/** One JMAP method call in one request, answered with its arguments; an error response throws. */
export type JmapCall = (name: string, args: Record<string, unknown>) => Promise<Record<string, unknown>>;

/**
 * A caller of one capability's methods as `user` (Basic auth) on the server at `baseURL`: reads
 * the Session once, then sends each call alone in a request on the primary account of the
 * capability, as a plain client would.
 */
export async function jmapCallerFor(
  baseURL: string,
  user: string,
  password: string,
  capability: CapabilityUrn,
): Promise<{ call: JmapCall }> {
  const authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const session = (await (
    await fetch(`${baseURL}/.well-known/jmap`, { headers: { Authorization: authorization } })
  ).json()) as { apiUrl: string; primaryAccounts: Record<string, string> };
  const accountId = session.primaryAccounts[capability];
  if (accountId === undefined) throw new Error(`No primary account for ${capability}`);
  const apiUrl = new URL(session.apiUrl, baseURL).toString();
  const call: JmapCall = async (name, args) => {
    const response = await fetch(apiUrl, {
      method: 'POST',
      headers: { Authorization: authorization, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        using: [Capability.Core, capability],
        methodCalls: [[name, { accountId, ...args }, 'c']],
      }),
    });
    const body = (await response.json()) as { methodResponses: [string, Record<string, unknown>, string][] };
    const [answer] = body.methodResponses;
    if (answer?.[0] !== name) throw new Error(`${name}: ${JSON.stringify(answer)}`);
    return answer[1];
  };
  return { call };
}
