import type { SetError } from '@colibri/jmap-types';
import type { z } from 'zod';

export const invalidProperties = (properties: string[], description: string): SetError => ({
  type: 'invalidProperties',
  properties,
  description,
});

type Parsed<S extends Record<string, z.ZodType>> = { -readonly [K in keyof S]?: z.output<S[K]> };

/**
 * RFC 8620 §5.3: the properties of a create object, or the top-level paths of a PatchObject,
 * parsed by one schema per writable property. Every unknown, malformed or server-set property is
 * reported at once as invalidProperties; a server-set or unknown one is accepted only when it
 * equals its value in `current` (a client may echo what it read).
 */
export function parseProperties<S extends Record<string, z.ZodType>>(
  values: Record<string, unknown>,
  writable: S,
  current: Record<string, unknown>,
): Parsed<S> | SetError {
  const bad: string[] = [];
  const fields: Record<string, unknown> = {};
  for (const [property, value] of Object.entries(values)) {
    const schema = Object.hasOwn(writable, property) ? writable[property] : undefined;
    if (schema === undefined) {
      if (!(Object.hasOwn(current, property) && JSON.stringify(current[property]) === JSON.stringify(value)))
        bad.push(property);
      continue;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) fields[property] = parsed.data;
    else bad.push(property);
  }
  if (bad.length > 0) return invalidProperties(bad, `Invalid or read-only properties: ${bad.join(', ')}.`);
  return fields as Parsed<S>;
}

/** RFC 8620 §5.3: a path into a property (`a/b`) where the type only allows whole values. */
export function deepPatchPath(patch: Record<string, unknown>, type: string): SetError | null {
  const deep = Object.keys(patch).find((path) => path.includes('/'));
  return deep === undefined
    ? null
    : { type: 'invalidPatch', description: `"${deep}": ${type} properties are patched whole.` };
}
