import type { SetError } from '@colibri/jmap-types';
import { keywordSchema } from '../shared/keywords.js';
import { idOrCreationIdSchema } from '../shared/schemas.js';

/** A change to an `X[Boolean]` map property: replaced whole, or keys added and removed. */
export interface MapPatch {
  replace: string[] | null;
  add: string[];
  remove: string[];
}

/** The Email properties a client may update (RFC 8621 §4.6); the rest are immutable or server-set. */
export interface EmailPatch {
  keywords?: MapPatch;
  mailboxIds?: MapPatch;
}

type Patched = keyof EmailPatch;
// RFC 8620 §5.3: a mailbox created earlier in the request may be named by `#creationId`; the
// caller resolves it (resolveMapPatch).
const KEY_SCHEMAS = { keywords: keywordSchema, mailboxIds: idOrCreationIdSchema } as const;

const invalid = (property: string, description: string): SetError => ({
  type: 'invalidProperties',
  properties: [property],
  description,
});

function unescapeToken(token: string): string {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

function parseKey(property: Patched, raw: string): string | null {
  const parsed = KEY_SCHEMAS[property].safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** `{ key: true, ... }`: the whole new value of a keywords or mailboxIds map. */
function parseWhole(property: Patched, value: unknown): string[] | SetError {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return invalid(property, `${property} must be an object.`);
  const keys: string[] = [];
  for (const [raw, flag] of Object.entries(value)) {
    const key = parseKey(property, raw);
    if (key === null || flag !== true) return invalid(property, `"${raw}" is not a valid ${property} entry.`);
    keys.push(key);
  }
  return keys;
}

/**
 * RFC 8620 §5.3: an Email PatchObject as a typed patch. Paths other than `keywords`,
 * `keywords/{k}`, `mailboxIds` and `mailboxIds/{id}` are invalidProperties; a whole value and a
 * sub-path of the same property together are invalidPatch.
 */
export function parseEmailPatch(patch: Record<string, unknown>): EmailPatch | SetError {
  const result: EmailPatch = {};
  for (const [path, value] of Object.entries(patch)) {
    const [head = '', ...rest] = path.split('/');
    if (head !== 'keywords' && head !== 'mailboxIds') return invalid(head, `"${head}" cannot be updated.`);
    const target = (result[head] ??= { replace: null, add: [], remove: [] });
    if (rest.length === 0) {
      if (target.add.length > 0 || target.remove.length > 0)
        return { type: 'invalidPatch', description: `"${head}" is patched twice.` };
      const whole = parseWhole(head, value);
      if (!Array.isArray(whole)) return whole;
      target.replace = whole;
      continue;
    }
    const key = rest.length === 1 ? parseKey(head, unescapeToken(rest[0] ?? '')) : null;
    if (key === null) return invalid(head, `"${path}" is not a valid path.`);
    if (target.replace !== null) return { type: 'invalidPatch', description: `"${head}" is patched twice.` };
    if (value === true) target.add.push(key);
    else if (value === null) target.remove.push(key);
    else return invalid(head, `"${path}" must be true or null.`);
  }
  return result;
}

/** The map's keys after the patch. */
export function applyMapPatch(current: readonly string[], patch: MapPatch): string[] {
  const next = new Set(patch.replace ?? current);
  for (const key of patch.add) next.add(key);
  for (const key of patch.remove) next.delete(key);
  return [...next];
}

/** The patch with every key passed through `resolve` (e.g. `#creationId` to the created id). */
export function resolveMapPatch(patch: MapPatch, resolve: (key: string) => string): MapPatch {
  return {
    replace: patch.replace === null ? null : patch.replace.map(resolve),
    add: patch.add.map(resolve),
    remove: patch.remove.map(resolve),
  };
}
