import type { MethodResult } from '@colibri/jmap-types';

/** RFC 8620 §4.1: Core/echo answers with exactly the arguments it was given. */
export async function coreEcho(args: Record<string, unknown>): Promise<MethodResult<'Core/echo'>> {
  return args;
}
