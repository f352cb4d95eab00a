import type { SetError } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { resolveId } from './creation-ids.js';
import { orNull } from './set-helpers.js';

/** What one type does per item of a /set; each returns its SetError as a value. */
export interface SetItemOps<T> {
  create(values: Record<string, unknown>): Promise<{ created: Partial<T> } | { error: SetError }>;
  update(id: string, patch: Record<string, unknown>): Promise<SetError | null>;
  destroy(id: string): Promise<SetError | null>;
}

/** The per-item outcome of a /set, in the shape of RFC 8620 §5.3's response (before orNull). */
export interface SetOutcome<T> {
  created: Record<string, Partial<T>>;
  notCreated: Record<string, SetError>;
  updated: Record<string, Partial<T> | null>;
  notUpdated: Record<string, SetError>;
  destroyed: string[];
  notDestroyed: Record<string, SetError>;
}

/**
 * RFC 8620 §5.3: creates, then updates, then destroys, one item at a time (each the type's own
 * store transaction). A created id is recorded for `#creationId` references, which update and
 * destroy resolve; the response speaks of an object by its id.
 */
export async function applySetItems<T extends { id: string }>(
  ctx: MethodContext,
  args: {
    create?: Record<string, Record<string, unknown>> | null;
    update?: Record<string, Record<string, unknown>> | null;
    destroy?: string[] | null;
  },
  ops: SetItemOps<T>,
): Promise<SetOutcome<T>> {
  const out: SetOutcome<T> = {
    created: {},
    notCreated: {},
    updated: {},
    notUpdated: {},
    destroyed: [],
    notDestroyed: {},
  };
  for (const [creationId, values] of Object.entries(args.create ?? {})) {
    const outcome = await ops.create(values);
    if ('error' in outcome) out.notCreated[creationId] = outcome.error;
    else {
      out.created[creationId] = outcome.created;
      if (outcome.created.id !== undefined) ctx.createdIds.set(creationId, outcome.created.id);
    }
  }
  const target = (id: string) => resolveId(ctx, id) ?? id;
  for (const [given, patch] of Object.entries(args.update ?? {})) {
    const id = target(given);
    const error = await ops.update(id, patch);
    if (error === null) out.updated[id] = null;
    else out.notUpdated[id] = error;
  }
  for (const id of (args.destroy ?? []).map(target)) {
    const error = await ops.destroy(id);
    if (error === null) out.destroyed.push(id);
    else out.notDestroyed[id] = error;
  }
  return out;
}

/** RFC 8620 §5.3: the /set response, its empty maps null. */
export function setResponse<T>(
  head: { accountId: string; oldState: string; newState: string },
  out: SetOutcome<T>,
) {
  return {
    ...head,
    created: orNull(out.created),
    updated: orNull(out.updated),
    destroyed: out.destroyed.length > 0 ? out.destroyed : null,
    notCreated: orNull(out.notCreated),
    notUpdated: orNull(out.notUpdated),
    notDestroyed: orNull(out.notDestroyed),
  };
}
