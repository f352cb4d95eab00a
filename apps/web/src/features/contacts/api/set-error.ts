import type { SetError } from '@colibri/jmap-types';

/** A refused /set item (RFC 8620 §5.3 notCreated/notUpdated/notDestroyed), kept whole for the UI. */
export class ContactsSetError extends Error {
  override readonly name = 'ContactsSetError';
  constructor(readonly setError: SetError) {
    super(setError.description ?? setError.type);
  }
}

/** Throws the refusal of item `id`, if any, from a /set response. */
export function throwIfRefused(refusals: Record<string, SetError> | null | undefined, id: string): void {
  const refused = refusals?.[id];
  if (refused) throw new ContactsSetError(refused);
}
