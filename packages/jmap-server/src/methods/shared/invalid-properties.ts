import type { SetError } from '@colibri/jmap-types';
import type { z } from 'zod';

/**
 * RFC 8620 §5.3: `invalidProperties` naming the top-level properties a per-item schema refused
 * (a strict object's unknown keys are one issue at the object itself, naming them).
 */
export function invalidProperties(error: z.ZodError): SetError {
  const names = error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0] ?? '')],
  );
  return { type: 'invalidProperties', properties: [...new Set(names)].filter((p) => p !== '') };
}
