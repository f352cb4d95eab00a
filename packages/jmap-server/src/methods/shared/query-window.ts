import { MethodErrorType } from '@colibri/jmap-types';
import type { QueryResult } from '@colibri/jmap-types';
import { z } from 'zod';
import { MAX_QUERY_LIMIT } from '../../limits.js';
import { MethodFailure } from '../../method-failure.js';
import { idSchema, intSchema, unsignedIntSchema } from './schemas.js';

/** RFC 8620 §5.5: the window arguments of every /query. */
export const queryWindowShape = {
  position: intSchema.optional(),
  anchor: idSchema.nullable().optional(),
  anchorOffset: intSchema.optional(),
  limit: unsignedIntSchema.nullable().optional(),
  calculateTotal: z.boolean().optional(),
};

type WindowArgs = { [K in keyof typeof queryWindowShape]?: z.output<(typeof queryWindowShape)[K]> };

/**
 * RFC 8620 §5.5 over results held in memory (Mailbox, Quota, EmailSubmission: few objects; Email
 * pages in the store): the window starts at the anchor's index plus anchorOffset, else at
 * `position` (a negative one counts from the end); a limit over MAX_QUERY_LIMIT, or none, is
 * clamped and the clamped limit returned; `total` when asked.
 */
export function windowOf(
  ids: readonly string[],
  args: WindowArgs,
): Pick<QueryResult, 'position' | 'ids' | 'total' | 'limit'> {
  let position: number;
  if (args.anchor != null) {
    const index = ids.indexOf(args.anchor);
    if (index < 0) throw new MethodFailure(MethodErrorType.AnchorNotFound);
    position = Math.max(0, index + (args.anchorOffset ?? 0));
  } else {
    const requested = args.position ?? 0;
    position = requested < 0 ? Math.max(0, ids.length + requested) : requested;
  }
  const clamped = args.limit == null || args.limit > MAX_QUERY_LIMIT;
  const limit = clamped ? MAX_QUERY_LIMIT : args.limit!;
  const window: Pick<QueryResult, 'position' | 'ids' | 'total' | 'limit'> = {
    position,
    ids: ids.slice(position, position + limit),
  };
  if (args.calculateTotal === true) window.total = ids.length;
  if (clamped) window.limit = limit;
  return window;
}
