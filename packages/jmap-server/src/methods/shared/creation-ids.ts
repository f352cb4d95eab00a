import type { MethodContext } from '../../method-context.js';

/** RFC 8620 §5.3: `#creationId` names an object created earlier in the same request. */
export function resolveId(ctx: MethodContext, id: string): string | null {
  return id.startsWith('#') ? (ctx.createdIds.get(id.slice(1)) ?? null) : id;
}
