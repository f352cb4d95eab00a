import { createJmapClient } from '@colibri/jmap-client';
import type { JmapClient } from '@colibri/jmap-client';
import type { Invocation, Session } from '@colibri/jmap-types';

export const testSession: Session = {
  capabilities: {
    'urn:ietf:params:jmap:core': {
      maxSizeUpload: 1,
      maxConcurrentUpload: 1,
      maxSizeRequest: 1,
      maxConcurrentRequests: 1,
      maxCallsInRequest: 16,
      maxObjectsInGet: 500,
      maxObjectsInSet: 500,
      collationAlgorithms: [],
    },
  },
  accounts: {
    A1: { name: 'alice@colibri.test', isPersonal: true, isReadOnly: false, accountCapabilities: {} },
  },
  primaryAccounts: { 'urn:ietf:params:jmap:mail': 'A1' },
  username: 'alice@colibri.test',
  apiUrl: 'http://colibri.test/jmap/api',
  downloadUrl: 'http://colibri.test/jmap/download/{accountId}/{blobId}/{name}?accept={type}',
  uploadUrl: 'http://colibri.test/jmap/upload/{accountId}/',
  eventSourceUrl: 'http://colibri.test/jmap/eventsource',
  state: 's1',
};

/** Answers one method call; `#` back-references are left to the handler (it sees the wire args). */
export type MethodHandler = (name: string, args: Record<string, unknown>) => Record<string, unknown>;

/**
 * A JMAP client whose fetch is answered in memory: the component tests check what the UI does
 * with JMAP results, the wire format itself is tested in packages/jmap-client and by e2e.
 */
export function fakeJmapClient(handle: MethodHandler): { client: JmapClient; calls: Invocation[] } {
  const calls: Invocation[] = [];
  const client = createJmapClient({
    sessionUrl: '/.well-known/jmap',
    fetch: async (url, init) => {
      let body: unknown = testSession;
      if (init.method === 'POST') {
        const request = JSON.parse(init.body ?? '{}') as { methodCalls: Invocation[] };
        calls.push(...request.methodCalls);
        body = {
          methodResponses: request.methodCalls.map(([name, args, id]) => [name, handle(name, args), id]),
          sessionState: 's1',
        };
      }
      const text = JSON.stringify(body);
      return { ok: true, status: 200, headers: { get: () => 'application/json' }, text: async () => text };
    },
  });
  return { client, calls };
}
