import { MethodErrorType } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';

/**
 * RFC 8620 §5.1 `properties`: null or absent means the defaults; an unknown name is
 * invalidArguments; `id` is always returned.
 */
export function selectProperties<P extends string>(
  requested: readonly string[] | null | undefined,
  known: readonly P[],
  defaults: readonly P[],
): P[] {
  if (requested == null) return [...defaults];
  const unknown = requested.filter((name) => !(known as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new MethodFailure(MethodErrorType.InvalidArguments, `Unknown properties: ${unknown.join(', ')}.`, {
      arguments: ['properties'],
    });
  }
  return [...new Set(['id', ...requested])] as P[];
}

/**
 * RFC 8620 §5.1 `ids`: null means every object (answered below the maxObjectsInGet cap by the
 * caller); more ids than maxObjectsInGet is requestTooLarge. Duplicates are answered once.
 * `#creationId` names an object created earlier in the request, as RFC 9404's Blob/get example
 * uses it (RFC 8620 §5.3 requires creation ids only in foreign keys; no Id starts with "#", so
 * accepting them here is safe). An unknown one is left as given and reported in notFound.
 */
export function requestedIds(
  ids: readonly string[] | null | undefined,
  ctx: Pick<MethodContext, 'limits' | 'createdIds'>,
): string[] | null {
  if (ids == null) return null;
  if (ids.length > ctx.limits.maxObjectsInGet) {
    throw new MethodFailure(
      MethodErrorType.RequestTooLarge,
      `At most ${ctx.limits.maxObjectsInGet} ids per /get.`,
    );
  }
  const resolved = ids.map((id) => (id.startsWith('#') ? (ctx.createdIds.get(id.slice(1)) ?? id) : id));
  return [...new Set(resolved)];
}

/** Copies the chosen properties of a full wire object, in the order asked. */
export function pick<T extends object, P extends keyof T>(object: T, properties: readonly P[]): Partial<T> {
  const picked: Partial<T> = {};
  for (const property of properties) picked[property] = object[property];
  return picked;
}
