/** FN, N and NICKNAME (RFC 9555, name and nicknames). */
import { splitEscaped, structuredValue, unescapeText } from './content-line.js';
import type { Rule } from './from-vcard-common.js';
import { common, first, prefConsumed, readJsComps, text, withCommon } from './from-vcard-common.js';
import type { Name, NameComponent } from './types.js';
import { N_KINDS } from './vcard-model.js';
import { escapePointer } from './values.js';

/** FN (RFC 9555): name.full; an empty derived FN (written for an FN-less card) is dropped. */
export const fn: Rule = (b, p) => {
  const derived = first(p, 'derived')?.toLowerCase() === 'true';
  if (derived && p.value === '') return true;
  const name = (b.card.name ??= {});
  if (name.full !== undefined) return false;
  name.full = text(p);
  b.extras('name/full', p, []);
  return true;
};

/** N (RFC 9555): components in position order; surname2 and generation are not repeated. */
export const n: Rule = (b, p) => {
  if (b.card.name?.components) return false;
  const values = structuredValue(p.value).map((list) => list.filter((v) => v !== ''));
  const name: Name = (b.card.name ??= {});
  const consumed: string[] = [];
  const jscomps = first(p, 'jscomps');
  const ordered = jscomps !== undefined ? readJsComps(jscomps, structuredValue(p.value), N_KINDS) : undefined;
  let components: NameComponent[];
  if (ordered) {
    components = ordered.components;
    name.isOrdered = true;
    if (ordered.separator !== undefined) name.defaultSeparator = ordered.separator;
    consumed.push('jscomps');
  } else {
    const surname2 = new Set(values[5] ?? []);
    const generation = new Set(values[6] ?? []);
    components = [];
    values.forEach((list, i) => {
      const kind = N_KINDS[i];
      if (!kind) return;
      for (const value of list) {
        if (i === 0 && surname2.has(value)) continue;
        if (i === 4 && generation.has(value)) continue;
        components.push({ kind, value });
      }
    });
  }
  if (components.length) name.components = components;
  const sortAs = (p.params['sort-as'] ?? []).flatMap((v) => v.split(','));
  if (sortAs.length) {
    name.sortAs = {};
    sortAs.forEach((v, i) => {
      const kind = N_KINDS[i];
      if (kind && v !== '') (name.sortAs as Record<string, string>)[kind] = v;
    });
    consumed.push('sort-as');
  }
  const system = first(p, 'phonetic');
  if (system) {
    name.phoneticSystem = system.toLowerCase();
    consumed.push('phonetic');
  }
  const script = first(p, 'script');
  if (script) {
    name.phoneticScript = script;
    consumed.push('script');
  }
  b.extras('name', p, consumed);
  return true;
};

export const nickname: Rule = (b, p) => {
  const c = common(p);
  const names = splitEscaped(p.value, ',').map(unescapeText);
  const map = b.map<object>('nicknames');
  // Several names in one property share its parameters; PROP-ID names only the first.
  names.forEach((name, i) => {
    const id = b.newId('nicknames', i === 0 ? p : { ...p, params: {} });
    map[id] = withCommon({ name }, c);
    b.extras(`nicknames/${escapePointer(id)}/name`, p, ['type', ...prefConsumed(p)], { type: c.rest });
  });
  return true;
};
