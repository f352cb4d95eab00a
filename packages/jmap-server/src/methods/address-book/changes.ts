import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { changesFor } from '../shared/changes.js';

/** RFC 9610 §2.2: AddressBook/changes, the standard /changes over the AddressBook log. */
export async function addressBookChanges(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'AddressBook/changes'>> {
  return changesFor('AddressBook', rawArgs, ctx);
}
