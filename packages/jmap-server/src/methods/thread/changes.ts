import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { toThreadId } from '../shared/ids.js';
import { visibleThreadEmailIds } from '../shared/mail-visibility.js';
import { changesFor } from '../shared/changes.js';

/** RFC 8621 §3.2: Thread/changes, the standard /changes (RFC 8620 §5.2). */
export async function threadChanges(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Thread/changes'>> {
  return changesFor('Thread', rawArgs, ctx, async (c, access, ids) => {
    const visible = new Set<string>();
    for (const id of ids) {
      const threadId = toThreadId(id);
      if (threadId !== null && (await visibleThreadEmailIds(c, access, threadId)).length > 0) visible.add(id);
    }
    return visible;
  });
}
