import type { SetError } from '@colibri/jmap-types';

const unsafe = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * RFC 8620 §5.3 PatchObject: each key is a JSON Pointer (without its leading `/`, `~1` for `/`,
 * `~0` for `~`) into the object; null removes, any other value replaces. Every step before the
 * last must be an existing object (arrays are replaced whole), else invalidPatch; a path that is
 * a prefix of another in the same patch is invalidPatch too.
 */
export function applyJmapPatch(
  object: Record<string, unknown>,
  patch: Record<string, unknown>,
): { patched: Record<string, unknown> } | { error: SetError } {
  const copy = structuredClone(object);
  const paths = Object.keys(patch);
  for (const path of paths)
    if (paths.some((other) => other !== path && other.startsWith(`${path}/`)))
      return { error: { type: 'invalidPatch', description: `"${path}" and a path inside it in one patch.` } };
  for (const [path, value] of Object.entries(patch)) {
    const segments = path.split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (segments.some((s) => s.length === 0 || unsafe.has(s)))
      return { error: { type: 'invalidPatch', description: `"${path}" is not a usable path.` } };
    let target: Record<string, unknown> = copy;
    for (const segment of segments.slice(0, -1)) {
      const next = Object.hasOwn(target, segment) ? target[segment] : undefined;
      if (typeof next !== 'object' || next === null || Array.isArray(next))
        return {
          error: {
            type: 'invalidPatch',
            description: `"${path}" goes through "${segment}", which is not an object.`,
          },
        };
      target = next as Record<string, unknown>;
    }
    const last = segments[segments.length - 1]!;
    if (value === null) delete target[last];
    else target[last] = structuredClone(value);
  }
  return { patched: copy };
}
