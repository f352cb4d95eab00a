/** Helpers shared by the vCard -> JSContact rules (RFC 9555). */
import type { VCardProperty } from './content-line.js';
import { splitEscaped, unescapeText } from './content-line.js';
import type { CardBuilder } from './from-vcard.js';
import type { Contexts } from './types.js';
import { TYPE_CONTEXTS } from './vcard-model.js';

export const first = (p: VCardProperty, name: string): string | undefined => p.params[name]?.[0];
export const valueType = (p: VCardProperty): string | undefined => first(p, 'value')?.toLowerCase();
export const text = (p: VCardProperty): string => unescapeText(p.value);
/** URI values are not escaped in 4.0 (RFC 6350 §4.2), but 3.0 exports escape `:` and `,`. */
export const uri = (p: VCardProperty): string => unescapeText(p.value).trim();

export interface Common {
  contexts?: Contexts;
  pref?: number;
  /** TYPE values the rule did not use. */
  rest: string[];
}

/** RFC 9555: TYPE (contexts, and 3.0's TYPE=pref) and PREF. `features` takes more TYPEs. */
export function common(p: VCardProperty, features?: (t: string) => boolean): Common {
  const out: Common = { rest: [] };
  for (const raw of p.params.type ?? []) {
    for (const t of raw.split(',')) {
      const type = t.trim().toLowerCase();
      if (type === '') continue;
      const context = TYPE_CONTEXTS[type];
      if (context) (out.contexts ??= {})[context] = true;
      else if (type === 'pref' && out.pref === undefined) out.pref = 1;
      else if (!features?.(type)) out.rest.push(t.trim());
    }
  }
  const pref = Number(first(p, 'pref'));
  if (Number.isInteger(pref) && pref >= 1 && pref <= 100) out.pref = pref;
  return out;
}
export function withCommon<T extends object>(target: T, c: Common): T {
  if (c.contexts) Object.assign(target, { contexts: c.contexts });
  if (c.pref !== undefined) Object.assign(target, { pref: c.pref });
  return target;
}
/** Keys a parameter list as consumed when it parsed: an unusable PREF stays a parameter. */
export function prefConsumed(p: VCardProperty): string[] {
  const pref = Number(first(p, 'pref'));
  return Number.isInteger(pref) && pref >= 1 && pref <= 100 ? ['pref'] : [];
}

export type Rule = (b: CardBuilder, p: VCardProperty) => boolean;

export function once(b: CardBuilder, member: string): boolean {
  return (b.card as Record<string, unknown>)[member] === undefined;
}

/** JSCOMPS (RFC 9555): `sep;entry;...` where an entry is `i`, `i,j` or `s,text`. */
export function readJsComps(
  param: string,
  values: string[][],
  kinds: readonly string[],
): { components: { kind: string; value: string }[]; separator?: string } | undefined {
  const entries = splitEscaped(param, ';');
  const head = entries.shift() ?? '';
  const out: { kind: string; value: string }[] = [];
  let separator: string | undefined;
  if (head.startsWith('s,')) separator = unescapeText(head.slice(2));
  else if (head !== '') return undefined;
  for (const entry of entries) {
    if (entry.startsWith('s,')) {
      out.push({ kind: 'separator', value: unescapeText(entry.slice(2)) });
      continue;
    }
    const m = /^(\d+)(?:,(\d+))?$/.exec(entry);
    if (!m) return undefined;
    const i = Number(m[1]);
    const j = Number(m[2] ?? '0');
    const value = values[i]?.[j];
    const kind = kinds[i];
    if (value === undefined || kind === undefined) return undefined;
    out.push({ kind, value });
  }
  return { components: out, ...(separator !== undefined ? { separator } : {}) };
}
