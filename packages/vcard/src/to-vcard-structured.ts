/** N and ADR (RFC 6350 §6.2.2, §6.3.1, RFC 9554 components, RFC 9555 JSCOMPS) and FN. */
import { escapeText } from './content-line.js';
import type { OutProperty, Version } from './to-vcard-common.js';
import { entryParams, out } from './to-vcard-common.js';
import type { Address, Name } from './types.js';
import { ADR_POSITION, N_POSITION } from './vcard-model.js';
import { escapePointer, etcToOffset } from './values.js';

/** The components of a structured value placed at their positions, `,`-joined, escaped. */
function structured(slots: string[][]): string {
  return slots.map((list) => list.map(escapeText).join(',')).join(';');
}

/** RFC 9555 JSCOMPS for an ordered name or address. */
function jscomps(
  components: { kind: string; value: string }[],
  slots: string[][],
  positionOf: (kind: string) => number | undefined,
  separator: string | undefined,
): string | undefined {
  const seen = new Map<number, number>();
  const parts = [separator !== undefined ? `s,${escapeText(separator)}` : ''];
  for (const c of components) {
    if (c.kind === 'separator') {
      parts.push(`s,${escapeText(c.value)}`);
      continue;
    }
    const pos = positionOf(c.kind);
    if (pos === undefined) return undefined;
    const j = seen.get(pos) ?? 0;
    seen.set(pos, j + 1);
    if (slots[pos]?.[j] !== c.value) return undefined;
    parts.push(j === 0 ? String(pos) : `${pos},${j}`);
  }
  return parts.join(';');
}

export function nameProperties(name: Name, version: Version): OutProperty[] {
  const props: OutProperty[] = [];
  const components = Array.isArray(name.components) ? name.components : [];
  const real = components.filter((c) => c && c.kind !== 'separator' && typeof c.value === 'string');
  if (typeof name.full === 'string') props.push(out('fn', escapeText(name.full), 'name/full'));
  else {
    // vCard requires FN; RFC 9555 marks one made from the components as DERIVED.
    const derived = components
      .map((c) => (c.kind === 'separator' ? '' : c.value))
      .filter(Boolean)
      .join(' ');
    props.push(out('fn', escapeText(derived), undefined, version === '4.0' ? { derived: ['TRUE'] } : {}));
  }
  if (real.length || name.sortAs || version === '3.0') {
    const size = version === '4.0' ? 7 : 5;
    const slots: string[][] = Array.from({ length: size }, () => []);
    for (const c of real) {
      const pos = N_POSITION[c.kind];
      if (pos === undefined) continue;
      if (pos < size) slots[pos]?.push(c.value);
      // RFC 9554: surname2 is also part of the surname, generation of the suffix.
      if (pos === 5) slots[0]?.push(c.value);
      if (pos === 6) slots[4]?.push(c.value);
    }
    const params: Record<string, string[]> = {};
    if (name.sortAs && typeof name.sortAs === 'object') {
      const list = ['surname', 'given'].map((k) => (name.sortAs as Record<string, string>)[k] ?? '');
      while (list.length && list[list.length - 1] === '') list.pop();
      if (list.length) params['sort-as'] = [list.join(',')];
    }
    if (name.phoneticSystem) params.phonetic = [name.phoneticSystem.toUpperCase()];
    if (name.phoneticScript) params.script = [name.phoneticScript];
    if (version === '4.0' && name.isOrdered && components.length) {
      const comps = jscomps(components, slots, (k) => N_POSITION[k], name.defaultSeparator);
      if (comps !== undefined) params.jscomps = [comps];
    }
    props.push(out('n', structured(slots), 'name', params));
  }
  return props;
}

export function addressProperty(id: string, a: Address, version: Version): OutProperty[] {
  const pointer = `addresses/${escapePointer(id)}`;
  const components = Array.isArray(a.components) ? a.components : [];
  const onlyZone =
    !components.length &&
    !a.full &&
    !a.countryCode &&
    !a.coordinates &&
    a.timeZone &&
    !a.contexts &&
    a.pref === undefined;
  const onlyGeo =
    !components.length &&
    !a.full &&
    !a.countryCode &&
    a.coordinates &&
    !a.timeZone &&
    !a.contexts &&
    a.pref === undefined;
  if (onlyZone && a.timeZone) {
    const offset = etcToOffset(a.timeZone);
    const params: Record<string, string[]> = { 'prop-id': [id] };
    if (offset === undefined && version === '4.0') params.value = ['text'];
    return [out('tz', offset ?? escapeText(a.timeZone), `${pointer}/timeZone`, params)];
  }
  if (onlyGeo && a.coordinates)
    return [out('geo', a.coordinates, `${pointer}/coordinates`, { 'prop-id': [id] })];
  const slots: string[][] = Array.from({ length: version === '4.0' ? 18 : 7 }, () => []);
  // Only kinds RFC 6350 has no position for need the RFC 9554 positions; the others stay where
  // every reader finds them (apartment in ext, name in street).
  const legacy = ['postOfficeBox', 'apartment', 'name', 'locality', 'region', 'postcode', 'country'];
  const count = (k: string) => components.filter((c) => c?.kind === k).length;
  const extended =
    version === '4.0' &&
    components.some((c) => c && c.kind !== 'separator' && (!legacy.includes(c.kind) || count(c.kind) > 1));
  for (const c of components) {
    if (!c || c.kind === 'separator' || typeof c.value !== 'string') continue;
    const pos = ADR_POSITION[c.kind];
    if (pos === undefined) continue;
    if (pos <= 6) {
      slots[pos]?.push(c.value);
      continue;
    }
    if (extended) slots[pos]?.push(c.value);
    // RFC 9554: ext and street keep the old reading for clients that know only RFC 6350.
    if (['room', 'apartment', 'floor', 'building'].includes(c.kind)) slots[1]?.push(c.value);
    if (['number', 'name', 'block', 'subdistrict', 'district', 'landmark', 'direction'].includes(c.kind))
      slots[2]?.push(c.value);
  }
  if (version === '3.0') {
    slots[1] = slots[1]?.length ? [slots[1].join(' ')] : [];
    slots[2] = slots[2]?.length ? [slots[2].join(' ')] : [];
  }
  const params = entryParams(version, id, a);
  if (a.full !== undefined) params.label = [a.full];
  if (a.countryCode) params.cc = [a.countryCode];
  if (a.timeZone) params.tz = [a.timeZone];
  if (a.coordinates) params.geo = [a.coordinates];
  if (version === '4.0' && components.length) {
    // Without JSCOMPS a reader sorts the components by position; say the order when it matters.
    const comps = jscomps(
      components,
      slots,
      (k) => (extended ? ADR_POSITION[k] : k === 'apartment' ? 1 : k === 'name' ? 2 : ADR_POSITION[k]),
      a.defaultSeparator,
    );
    if (comps !== undefined && (a.isOrdered || a.defaultSeparator !== undefined)) params.jscomps = [comps];
  }
  return [out('adr', structured(slots), pointer, params)];
}
