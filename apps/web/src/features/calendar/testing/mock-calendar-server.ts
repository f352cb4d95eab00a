import { createJmapClient } from '@colibri/jmap-client';
import type { JmapClient } from '@colibri/jmap-client';
import type {
  Invocation,
  ResultReference,
  Session,
  Calendar,
  CalendarEvent,
  CalendarEventProposal,
  BusyPeriod,
} from '@colibri/jmap-types';
import { WEB_JMAP_EXTENSIONS } from '../../../lib/jmap';
import { Capability } from '@colibri/jmap-types';

/** A JMAP request as the mock server received it (RFC 8620 §3.3). */
export interface ReceivedRequest {
  using: string[];
  methodCalls: Invocation[];
}

export const mockSession: Session = {
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
    'urn:ietf:params:jmap:mail': {},
    ...({ [Capability.Calendars]: {} } as object),
    [Capability.Principals]: {},
  },
  accounts: {
    A1: { name: 'alice@colibri.test', isPersonal: true, isReadOnly: false, accountCapabilities: {} },
  },
  primaryAccounts: {
    'urn:ietf:params:jmap:mail': 'A1',
    [Capability.Calendars]: 'A1',
    [Capability.Principals]: 'A1',
  } as Session['primaryAccounts'],
  username: 'alice@colibri.test',
  apiUrl: 'http://colibri.test/jmap/api',
  downloadUrl: 'http://colibri.test/jmap/download/{accountId}/{blobId}/{name}?accept={type}',
  uploadUrl: 'http://colibri.test/jmap/upload/{accountId}/',
  eventSourceUrl: 'http://colibri.test/jmap/eventsource',
  state: 's1',
};

export const rights = {
  mayReadFreeBusy: true,
  mayReadItems: true,
  mayWriteAll: true,
  mayWriteOwn: true,
  mayUpdatePrivate: true,
  mayRSVP: true,
  mayAdmin: true,
  mayDelete: true,
};

export function calendar(id: string, name: string, extra: Partial<Calendar> = {}): Calendar {
  return {
    id,
    name,
    description: null,
    color: null,
    sortOrder: 0,
    isSubscribed: true,
    isVisible: true,
    isDefault: false,
    includeInAvailability: 'all',
    defaultAlertsWithTime: null,
    defaultAlertsWithoutTime: null,
    timeZone: null,
    shareWith: null,
    myRights: rights,
    ...extra,
  };
}

export interface MockServerData {
  calendars: Calendar[];
  /** What CalendarEvent/query with expandRecurrences answers, and /get of those ids. */
  occurrences: CalendarEvent[];
  /** Stored events, for CalendarEvent/get of a base event id. */
  stored: CalendarEvent[];
  /** What CalendarEventProposal/get answers (Colibri's calendar-proposals extension). */
  proposals?: CalendarEventProposal[];
  /** The directory (RFC 9670 Principal/query and /get); `type` defaults to individual. */
  principals?: MockPrincipal[];
  /** Principal/getAvailability by principal id: busy periods, or a method error to answer. */
  availability?: Record<string, BusyPeriod[] | { error: string }>;
  /** A /set the server refuses: every update and destroy gets this SetError. */
  refuse?: { type: string; description?: string } | null;
}

/** A directory entry (RFC 9670 §2 Principal), with only what the web app reads. */
export interface MockPrincipal {
  id: string;
  name: string;
  email: string;
  type?: 'individual' | 'group' | 'resource' | 'location' | 'other';
  capabilities?: Record<string, Record<string, unknown>>;
}

/** A bookable room (RFC 9670 type location), as the server describes one (directory-wire.ts). */
export const roomPrincipal = (id: string, name: string, email: string): MockPrincipal => ({
  id,
  name,
  email,
  type: 'location',
  capabilities: {
    [Capability.Calendars]: {
      accountId: null,
      mayGetAvailability: true,
      mayShareWith: false,
      calendarAddress: `mailto:${email}`,
    },
  },
});

/** The demo organisation's two rooms. */
export const mockRooms: MockPrincipal[] = [
  roomPrincipal('R1', 'Salle Azur', 'salle.azur@colibri.test'),
  roomPrincipal('R2', 'Boardroom', 'boardroom@colibri.test'),
];

/** RFC 8620 §5.3: applies a PatchObject (JSON Pointer paths, null removes) to a copy. */
export function applyPatch<T extends object>(object: T, patch: Record<string, unknown>): T {
  const copy = structuredClone(object) as Record<string, unknown>;
  for (const [path, value] of Object.entries(patch)) {
    const keys = path.split('/').map((k) => k.replaceAll('~1', '/').replaceAll('~0', '~'));
    let target = copy;
    for (const key of keys.slice(0, -1)) {
      if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
      target = target[key] as Record<string, unknown>;
    }
    const last = keys[keys.length - 1]!;
    if (value === null) delete target[last];
    else target[last] = value;
  }
  return copy as T;
}

/** Follows a `#arg` back-reference (RFC 8620 §3.7) to an earlier result: `/ids` is all we need. */
function resolve(args: Record<string, unknown>, results: Map<string, Record<string, unknown>>) {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    if (!key.startsWith('#')) {
      out[key] = value;
      continue;
    }
    const reference = value as ResultReference;
    const result = results.get(reference.resultOf);
    out[key.slice(1)] = result?.[reference.path.slice(1)];
  }
  return out;
}

function answer(data: MockServerData, name: string, args: Record<string, unknown>): Record<string, unknown> {
  const accountId = 'A1';
  switch (name) {
    case 'Calendar/get':
      return { accountId, state: 'c1', list: data.calendars, notFound: [] };
    case 'CalendarEventProposal/get':
      return { accountId, state: 'e1', list: data.proposals ?? [], notFound: [] };
    case 'CalendarEventProposal/set': {
      // An answer marks the proposal; moving the event is the real server's part.
      const updates = (args.update as Record<string, { status: CalendarEventProposal['status'] }>) ?? {};
      data.proposals = (data.proposals ?? []).map((p) => (updates[p.id] ? { ...p, ...updates[p.id] } : p));
      return {
        accountId,
        oldState: 'e1',
        newState: 'e2',
        created: Object.fromEntries(
          Object.keys((args.create as object | undefined) ?? {}).map((key) => [key, { id: `P-${key}` }]),
        ),
        updated: Object.fromEntries(Object.keys(updates).map((id) => [id, null])),
      };
    }
    case 'Principal/query': {
      // RFC 9670 §2.4.1: `email` looks for the text, `type` is exact; OR of conditions, as the
      // web app sends.
      type Condition = { email?: string; type?: string };
      const filter = args.filter as (Condition & { conditions?: Condition[] }) | undefined;
      const conditions = filter?.conditions ?? (filter ? [filter] : []);
      const matches = (p: MockPrincipal, c: Condition) =>
        (c.email === undefined || p.email.includes(c.email.toLowerCase())) &&
        (c.type === undefined || (p.type ?? 'individual') === c.type);
      const ids = (data.principals ?? [])
        .filter((p) => conditions.length === 0 || conditions.some((c) => matches(p, c)))
        .map((p) => p.id);
      return { accountId, queryState: 'p1', canCalculateChanges: false, position: 0, ids };
    }
    case 'Principal/get': {
      const ids = (args.ids as string[] | null) ?? (data.principals ?? []).map((p) => p.id);
      const list = (data.principals ?? []).filter((p) => ids.includes(p.id));
      return { accountId, state: 'p1', list, notFound: ids.filter((id) => !list.some((p) => p.id === id)) };
    }
    case 'Principal/getAvailability': {
      const found = data.availability?.[args.id as string];
      if (found && 'error' in found) return { type: found.error };
      const from = Date.parse(args.utcStart as string);
      const to = Date.parse(args.utcEnd as string);
      const list = (found ?? []).filter((p) => Date.parse(p.utcStart) < to && Date.parse(p.utcEnd) > from);
      return { list };
    }
    case 'Calendar/set':
      if (data.refuse)
        return {
          accountId,
          notUpdated: Object.fromEntries(Object.keys(args.update as object).map((id) => [id, data.refuse])),
        };
      // Top-level properties only (isVisible, name…): what this client sends.
      for (const [id, patch] of Object.entries(args.update as Record<string, Partial<Calendar>>)) {
        data.calendars = data.calendars.map((c) => (c.id === id ? { ...c, ...patch } : c));
      }
      return {
        accountId,
        oldState: 'c1',
        newState: 'c2',
        updated: Object.fromEntries(Object.keys(args.update as object).map((id) => [id, null])),
      };
    case 'CalendarEvent/query': {
      const position = (args.position as number | undefined) ?? 0;
      const limit = (args.limit as number | undefined) ?? data.occurrences.length;
      const ids = data.occurrences.slice(position, position + limit).map((e) => e.id);
      return { accountId, queryState: 'q1', canCalculateChanges: false, position, ids };
    }
    case 'CalendarEvent/get': {
      const ids = (args.ids as string[] | null) ?? [];
      const all = [...data.occurrences, ...data.stored];
      const list = ids.map((id) => all.find((e) => e.id === id)).filter(Boolean);
      return { accountId, state: 'e1', list, notFound: ids.filter((id) => !all.some((e) => e.id === id)) };
    }
    case 'CalendarEvent/set': {
      const refusals = (ids: string[]) =>
        data.refuse ? Object.fromEntries(ids.map((id) => [id, data.refuse])) : null;
      const updateIds = Object.keys((args.update as object | undefined) ?? {});
      const destroyIds = (args.destroy as string[] | undefined) ?? [];
      const createIds = Object.keys((args.create as object | undefined) ?? {});
      if (!data.refuse) {
        // A destroyed event's occurrences are gone from later queries; a created one is not
        // expanded here (tests that need it give the occurrences themselves).
        data.occurrences = data.occurrences.filter((e) => !destroyIds.includes(e.baseEventId ?? e.id));
        const updates = (args.update as Record<string, Record<string, unknown>> | undefined) ?? {};
        const patched = <E extends CalendarEvent>(e: E) =>
          updates[e.id] ? applyPatch(e, updates[e.id]!) : e;
        data.occurrences = data.occurrences.map(patched);
        data.stored = data.stored.filter((e) => !destroyIds.includes(e.id)).map(patched);
      }
      return {
        accountId,
        oldState: 'e1',
        newState: 'e2',
        created: data.refuse
          ? null
          : Object.fromEntries(createIds.map((id, i) => [id, { id: `E-new-${i}` }])),
        updated: data.refuse ? null : Object.fromEntries(updateIds.map((id) => [id, null])),
        destroyed: data.refuse ? null : destroyIds,
        notCreated: refusals(createIds),
        notUpdated: refusals(updateIds),
        notDestroyed: refusals(destroyIds),
      };
    }
    default:
      return { type: 'unknownMethod' };
  }
}

/**
 * A mock JMAP Calendars server (the real one is being written): a fetch answered in memory that
 * keeps every request whole, `using` included, so tests assert the wire calls the client makes.
 */
export function mockCalendarServer(data: MockServerData): {
  client: JmapClient;
  requests: ReceivedRequest[];
  data: MockServerData;
} {
  const requests: ReceivedRequest[] = [];
  const client = createJmapClient({
    sessionUrl: '/.well-known/jmap',
    extensions: WEB_JMAP_EXTENSIONS,
    fetch: async (_url, init) => {
      let body: unknown = mockSession;
      if (init.method === 'POST') {
        const request = JSON.parse(init.body ?? '{}') as ReceivedRequest;
        requests.push(request);
        const results = new Map<string, Record<string, unknown>>();
        const methodResponses = request.methodCalls.map(([name, args, id]) => {
          const result = answer(data, name, resolve(args, results));
          results.set(id, result);
          // A result that is only a `type` is a method error (RFC 8620 §3.6.2).
          const isError = typeof result.type === 'string' && Object.keys(result).length === 1;
          return [isError ? 'error' : name, result, id];
        });
        body = { methodResponses, sessionState: 's1' };
      }
      const text = JSON.stringify(body);
      return { ok: true, status: 200, headers: { get: () => 'application/json' }, text: async () => text };
    },
  });
  return { client, requests, data };
}

/** The calls of every request, flattened, for `find`. */
export const allCalls = (requests: readonly ReceivedRequest[]) => requests.flatMap((r) => r.methodCalls);
export const callsOf = (requests: readonly ReceivedRequest[], name: string) =>
  allCalls(requests)
    .filter(([method]) => method === name)
    .map(([, args]) => args);
