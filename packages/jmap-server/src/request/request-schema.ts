import { z } from 'zod';

/** RFC 8620 §3.2: an Invocation is [name, arguments, method call id]. */
const invocationSchema = z.tuple([z.string(), z.record(z.string(), z.unknown()), z.string()]);

/** RFC 8620 §3.3: the Request object. Unknown top-level properties are ignored (§3.3 lists only these). */
export const requestSchema = z.object({
  using: z.array(z.string()),
  methodCalls: z.array(invocationSchema),
  createdIds: z.record(z.string(), z.string()).optional(),
});
export type ValidRequest = z.infer<typeof requestSchema>;
export type ValidInvocation = z.infer<typeof invocationSchema>;

/** RFC 8620 §3.7: a ResultReference, the value of a `#name` argument. */
export const resultReferenceSchema = z.object({
  resultOf: z.string(),
  name: z.string(),
  path: z.string(),
});
export type ValidResultReference = z.infer<typeof resultReferenceSchema>;

/** A short, safe description of what failed validation: paths and zod's messages, no input values. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}
