import type { Id } from '@colibri/jmap-types';

/** RFC 8620 §5.3: the /set response, loosely typed for assertions. */
export interface SetResponse {
  accountId: Id;
  oldState: string | null;
  newState: string;
  created: Record<string, Record<string, unknown> & { id: Id }> | null;
  updated: Record<Id, Record<string, unknown> | null> | null;
  destroyed: Id[] | null;
  notCreated: Record<string, SetErrorBody> | null;
  notUpdated: Record<Id, SetErrorBody> | null;
  notDestroyed: Record<Id, SetErrorBody> | null;
}

export interface SetErrorBody {
  type: string;
  description?: string;
  properties?: string[];
  [extra: string]: unknown;
}

/** The id the server gave a record created under `creationId`; throws when it was refused. */
export function createdId(response: SetResponse, creationId: string): Id {
  const id = response.created?.[creationId]?.id;
  if (!id) throw new Error(`"${creationId}" was not created: ${JSON.stringify(response.notCreated)}`);
  return id;
}
