import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { toEmailId } from '../shared/ids.js';
import { visibleEmailIds } from '../shared/mail-visibility.js';
import { changesFor } from '../shared/changes.js';

/** RFC 8621 §4.3: Email/changes, the standard /changes (RFC 8620 §5.2). */
export async function emailChanges(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Email/changes'>> {
  return changesFor('Email', rawArgs, ctx, (c, access, ids) =>
    visibleEmailIds(
      c,
      access,
      ids.flatMap((id) => toEmailId(id) ?? []),
    ),
  );
}
