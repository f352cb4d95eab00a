import { MethodErrorType } from '@colibri/jmap-types';
import type { Invocation } from '@colibri/jmap-types';
import { MethodFailure } from '../method-failure.js';
import { PointerError, evaluatePointer } from './json-pointer.js';
import { resultReferenceSchema } from './request-schema.js';
import type { ValidResultReference } from './request-schema.js';

function resolveOne(reference: ValidResultReference, responses: readonly Invocation[]): unknown {
  // RFC 8620 §3.7 step 1: the FIRST earlier response with that method call id.
  const response = responses.find(([, , callId]) => callId === reference.resultOf);
  if (response === undefined) {
    throw new MethodFailure(
      MethodErrorType.InvalidResultReference,
      `No earlier response has the method call id "${reference.resultOf}".`,
    );
  }
  // Step 2: its name must match (an "error" response never matches a method name).
  if (response[0] !== reference.name) {
    throw new MethodFailure(
      MethodErrorType.InvalidResultReference,
      `The response "${reference.resultOf}" is "${response[0]}", not "${reference.name}".`,
    );
  }
  try {
    return evaluatePointer(response[1], reference.path);
  } catch (error) {
    if (error instanceof PointerError) {
      throw new MethodFailure(
        MethodErrorType.InvalidResultReference,
        `The path "${reference.path}" does not resolve: ${error.message}.`,
      );
    }
    throw error;
  }
}

/**
 * RFC 8620 §3.7: replaces every `#name` argument by the value its ResultReference points to.
 * `name` and `#name` together are invalidArguments; a reference that fails is invalidResultReference.
 */
export function resolveReferences(
  args: Record<string, unknown>,
  responses: readonly Invocation[],
): Record<string, unknown> {
  // Entries, not assignment: a JSON key "__proto__" must stay a plain property.
  const resolved: [string, unknown][] = [];
  for (const [key, value] of Object.entries(args)) {
    if (!key.startsWith('#')) {
      resolved.push([key, value]);
      continue;
    }
    const name = key.slice(1);
    if (Object.hasOwn(args, name)) {
      throw new MethodFailure(
        MethodErrorType.InvalidArguments,
        `The argument "${name}" is given both directly and as a result reference.`,
      );
    }
    const reference = resultReferenceSchema.safeParse(value);
    if (!reference.success) {
      throw new MethodFailure(
        MethodErrorType.InvalidResultReference,
        `"#${name}" is not a ResultReference object.`,
      );
    }
    resolved.push([name, resolveOne(reference.data, responses)]);
  }
  return Object.fromEntries(resolved);
}
