import { createJmapClient } from '@colibri/jmap-client';
import type { JmapClient } from '@colibri/jmap-client';
import { Capability } from '@colibri/jmap-types';
import type {
  AddressBook,
  ContactCard,
  Invocation,
  ResultReference,
  Session,
  SetError,
} from '@colibri/jmap-types';

/**
 * A mock JMAP Contacts server for component tests: fetch answered in memory with the RFC 9610
 * methods the screen uses. The real server's behaviour is tested in packages/jmap-server and by
 * the e2e journey; this one checks what the UI sends and shows.
 */
export const mockSession: Session = {
  capabilities: {
    [Capability.Core]: {
      maxSizeUpload: 1,
      maxConcurrentUpload: 1,
      maxSizeRequest: 1,
      maxConcurrentRequests: 1,
      maxCallsInRequest: 16,
      maxObjectsInGet: 500,
      maxObjectsInSet: 500,
      collationAlgorithms: [],
    },
    [Capability.Mail]: {},
    [Capability.Contacts]: {},
  } as Session['capabilities'],
  accounts: {
    A1: { name: 'alice@colibri.test', isPersonal: true, isReadOnly: false, accountCapabilities: {} },
  },
  primaryAccounts: { [Capability.Mail]: 'A1', [Capability.Contacts]: 'A1' } as Session['primaryAccounts'],
  username: 'alice@colibri.test',
  apiUrl: 'http://colibri.test/jmap/api',
  downloadUrl: 'http://colibri.test/jmap/download/{accountId}/{blobId}/{name}?accept={type}',
  uploadUrl: 'http://colibri.test/jmap/upload/{accountId}/',
  eventSourceUrl: 'http://colibri.test/jmap/eventsource',
  state: 's1',
};

const rights = { mayRead: true, mayWrite: true, mayShare: true, mayDelete: true };

export function addressBook(id: string, name: string, extra: Partial<AddressBook> = {}): AddressBook {
  return {
    id,
    name,
    description: null,
    sortOrder: 0,
    isDefault: false,
    isSubscribed: true,
    shareWith: null,
    myRights: rights,
    ...extra,
  };
}

export function person(
  id: string,
  full: string,
  email: string | null,
  extra: Partial<ContactCard> = {},
): ContactCard {
  return {
    '@type': 'Card',
    version: '1.0',
    id,
    uid: `urn:uuid:${id}`,
    kind: 'individual',
    addressBookIds: { B1: true },
    name: { full },
    ...(email ? { emails: { k1: { address: email } } } : {}),
    ...extra,
  };
}

export function group(id: string, full: string, memberUids: string[]): ContactCard {
  return {
    ...person(id, full, null),
    kind: 'group',
    members: Object.fromEntries(memberUids.map((uid) => [uid, true])),
  };
}

type Condition = Record<string, unknown>;
type Filter = Condition | { operator: 'AND' | 'OR' | 'NOT'; conditions: Filter[] };

function matches(card: ContactCard, filter: Filter | null | undefined): boolean {
  if (!filter) return true;
  if ('operator' in filter && Array.isArray(filter.conditions)) {
    const results = filter.conditions.map((c) => matches(card, c));
    if (filter.operator === 'AND') return results.every(Boolean);
    if (filter.operator === 'OR') return results.some(Boolean);
    return !results.some(Boolean);
  }
  const c = filter as Condition;
  const haystack = JSON.stringify([card.name, card.emails, card.organizations]).toLowerCase();
  if (c.inAddressBook !== undefined && !card.addressBookIds[c.inAddressBook as string]) return false;
  if (c.kind !== undefined && (card.kind ?? 'individual') !== c.kind) return false;
  if (c.uid !== undefined && card.uid !== c.uid) return false;
  if (c.text !== undefined && !haystack.includes(String(c.text).toLowerCase())) return false;
  if (
    c.email !== undefined &&
    !JSON.stringify(card.emails ?? {})
      .toLowerCase()
      .includes(String(c.email).toLowerCase())
  )
    return false;
  return true;
}

/** RFC 8620 §5.3 patch paths: a top-level member, or `members/<token>` (RFC 6901 escapes). */
function applyPatch(card: ContactCard, patch: Record<string, unknown>): ContactCard {
  const next: Record<string, unknown> = { ...card };
  for (const [path, value] of Object.entries(patch)) {
    const [head, ...rest] = path.split('/');
    if (rest.length === 0) {
      if (value === null) delete next[head!];
      else next[head!] = value;
      continue;
    }
    const key = rest.join('/').replace(/~1/g, '/').replace(/~0/g, '~');
    const inner = { ...((next[head!] as Record<string, unknown>) ?? {}) };
    if (value === null) delete inner[key];
    else inner[key] = value;
    next[head!] = inner;
  }
  return next as ContactCard;
}

export interface MockContactsData {
  books: AddressBook[];
  cards: ContactCard[];
  /** Every ContactCard/set create is refused with this, when set. */
  refuseCreate?: SetError;
  /** Other accounts shared with the user (RFC 9670), by account id: the owner's name, books, cards. */
  shared?: Record<string, { name: string; books: AddressBook[]; cards: ContactCard[] }>;
}

export interface ReceivedCall {
  name: string;
  args: Record<string, unknown>;
}

export function mockContactsServer(data: MockContactsData) {
  const own = [...data.cards];
  const accounts = new Map(
    Object.entries(data.shared ?? {}).map(([id, account]) => [id, { ...account, cards: [...account.cards] }]),
  );
  const calls: ReceivedCall[] = [];
  let nextId = 1;
  const session: Session = {
    ...mockSession,
    accounts: {
      ...mockSession.accounts,
      ...Object.fromEntries(
        [...accounts].map(([id, account]) => [
          id,
          {
            name: account.name,
            isPersonal: false,
            isReadOnly: false,
            accountCapabilities: { [Capability.Contacts]: {} },
          },
        ]),
      ),
    },
  };

  function answer(name: string, args: Record<string, unknown>): Record<string, unknown> {
    const account = accounts.get(String(args.accountId));
    const cards = account ? account.cards : own;
    switch (name) {
      case 'AddressBook/get':
        return {
          accountId: args.accountId,
          state: 's1',
          list: account ? account.books : data.books,
          notFound: [],
        };
      case 'ContactCard/query': {
        const ids = cards
          .filter((card) => matches(card, args.filter as Filter))
          .sort((a, b) => String(a.name?.full).localeCompare(String(b.name?.full)))
          .map((card) => card.id);
        const position = (args.position as number | undefined) ?? 0;
        const limit = (args.limit as number | undefined) ?? ids.length;
        return {
          accountId: 'A1',
          queryState: 'q1',
          canCalculateChanges: false,
          position,
          ids: ids.slice(position, position + limit),
          total: ids.length,
        };
      }
      case 'ContactCard/get': {
        const ids = args.ids as string[] | null;
        const list = ids === null ? cards : cards.filter((card) => ids.includes(card.id));
        return { accountId: 'A1', state: 's1', list, notFound: [] };
      }
      case 'ContactCard/set': {
        const created: Record<string, unknown> = {};
        const notCreated: Record<string, SetError> = {};
        for (const [key, card] of Object.entries((args.create ?? {}) as Record<string, ContactCard>)) {
          if (data.refuseCreate) {
            notCreated[key] = data.refuseCreate;
            continue;
          }
          const id = `new${nextId++}`;
          const uid = card.uid ?? `urn:uuid:${id}`;
          cards.push({ ...card, addressBookIds: card.addressBookIds ?? { B1: true }, id, uid });
          created[key] = { id, uid };
        }
        const updated: Record<string, null> = {};
        for (const [id, patch] of Object.entries(
          (args.update ?? {}) as Record<string, Record<string, unknown>>,
        )) {
          const index = cards.findIndex((card) => card.id === id);
          if (index >= 0) cards[index] = applyPatch(cards[index]!, patch);
          updated[id] = null;
        }
        const destroyed = ((args.destroy ?? []) as string[]).filter((id) => {
          const index = cards.findIndex((card) => card.id === id);
          if (index >= 0) cards.splice(index, 1);
          return index >= 0;
        });
        return { accountId: 'A1', oldState: 's1', newState: 's2', created, notCreated, updated, destroyed };
      }
      default:
        return { type: 'unknownMethod' };
    }
  }

  const client: JmapClient = createJmapClient({
    sessionUrl: '/.well-known/jmap',
    fetch: async (_url, init) => {
      let body: unknown = session;
      if (init.method === 'POST') {
        const request = JSON.parse(init.body ?? '{}') as { methodCalls: Invocation[] };
        const results = new Map<string, Record<string, unknown>>();
        const methodResponses = request.methodCalls.map(([name, rawArgs, callId]) => {
          // RFC 8620 §3.7: `#ids` back-references to an earlier result's `/ids`.
          const args: Record<string, unknown> = {};
          for (const [key, value] of Object.entries(rawArgs)) {
            if (key.startsWith('#'))
              args[key.slice(1)] = results.get((value as ResultReference).resultOf)?.ids;
            else args[key] = value;
          }
          calls.push({ name, args });
          const result = answer(name, args);
          results.set(callId, result);
          return [name, result, callId];
        });
        body = { methodResponses, sessionState: 's1' };
      }
      const text = JSON.stringify(body);
      return { ok: true, status: 200, headers: { get: () => 'application/json' }, text: async () => text };
    },
  });
  return { client, calls, cards: own };
}
