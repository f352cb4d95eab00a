/** Shared pieces of the JSContact -> vCard rules: the property to write and entry parameters. */
import type { Contexts } from './types.js';
import { CONTEXT_TYPES } from './vcard-model.js';

export type Version = '3.0' | '4.0';

/** A property to write: `value` is already escaped for its value type. */
export interface OutProperty {
  group?: string;
  name: string;
  params: Record<string, string[]>;
  value: string;
  pointer?: string;
}

export const out = (
  name: string,
  value: string,
  pointer?: string,
  params: Record<string, string[]> = {},
): OutProperty => ({
  name,
  params,
  value,
  ...(pointer !== undefined ? { pointer } : {}),
});

/** TYPE (contexts, features), PREF, PROP-ID for an entry of a map member. */
export function entryParams(
  version: Version,
  id: string | undefined,
  entry: { contexts?: Contexts; pref?: number },
  extraTypes: string[] = [],
): Record<string, string[]> {
  const params: Record<string, string[]> = {};
  const types = [...extraTypes];
  for (const [context, on] of Object.entries(entry.contexts ?? {})) {
    if (!on) continue;
    types.push(CONTEXT_TYPES[context] ?? context);
  }
  if (version === '3.0' && entry.pref !== undefined) types.push('pref');
  if (types.length) params.type = types;
  if (version === '4.0' && entry.pref !== undefined) params.pref = [String(entry.pref)];
  // PROP-ID in 3.0 too: 3.0 readers ignore it, and it keeps map keys across a round trip.
  if (id !== undefined) params['prop-id'] = [id];
  return params;
}

export const entries = <T>(map: Record<string, T> | undefined): [string, T][] =>
  map && typeof map === 'object' ? Object.entries(map).filter(([, v]) => v && typeof v === 'object') : [];
