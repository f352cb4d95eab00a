import { MethodErrorType } from '@colibri/jmap-types';
import type { z } from 'zod';
import { MethodFailure } from '../../method-failure.js';
import { describeIssues } from '../../request/request-schema.js';

/** RFC 8620 §3.6.2: arguments of the wrong type, unknown or missing are `invalidArguments`. */
export function parseArgs<S extends z.ZodType>(schema: S, args: unknown): z.output<S> {
  const parsed = schema.safeParse(args);
  if (!parsed.success)
    throw new MethodFailure(MethodErrorType.InvalidArguments, describeIssues(parsed.error));
  return parsed.data;
}
