/**
 * JSContact Card -> vCard 4.0 (RFC 6350) or 3.0 (RFC 2426), following RFC 9555. Lossless for
 * what JSContact holds: after the member rules, the card is read back and every member that did
 * not survive is written as a JSPROP (RFC 9555), so vCard -> JSContact -> vCard and
 * JSContact -> vCard -> JSContact keep everything. `vCard.properties` are written back as they
 * were read and `vCard.convertedProperties` give converted properties their parameters back.
 */
import type { VCardProperty } from './content-line.js';
import { escapeText, fold, writeContentLine } from './content-line.js';
import { vcardObjectToCard } from './from-vcard.js';
import type { OutProperty, Version } from './to-vcard-properties.js';
import { cardProperties } from './to-vcard-properties.js';
import type { Card, JCardProp } from './types.js';
import { escapePointer, unescapePointer } from './values.js';

export interface WriteOptions {
  /** vCard version to write (default "4.0"). */
  version?: Version;
}

const asList = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)];

/** RFC 9555: give a converted property back its name, group and parameters. */
function applyConverted(props: OutProperty[], card: Card, version: Version): void {
  const converted = card.vCard?.convertedProperties;
  if (!converted || typeof converted !== 'object') return;
  for (const p of props) {
    const extra = p.pointer !== undefined ? converted[p.pointer] : undefined;
    if (!extra || typeof extra !== 'object') continue;
    // Apple's 3.0 spellings of KIND and MEMBER give way to the standard ones in 4.0.
    const apple = version === '4.0' && /^x-addressbookserver-/i.test(extra.name ?? '');
    if (typeof extra.name === 'string' && /^[A-Za-z0-9-]+$/.test(extra.name) && !apple)
      p.name = extra.name.toLowerCase();
    for (const [key, value] of Object.entries(extra.parameters ?? {})) {
      const name = key.toLowerCase();
      if (name === 'group') {
        const group = asList(value)[0];
        if (group && /^[A-Za-z0-9-]+$/.test(group)) p.group = group;
      } else if (name === 'type') p.params.type = [...(p.params.type ?? []), ...asList(value)];
      else if (!(name in p.params)) p.params[name] = asList(value);
    }
  }
}

/** A jCard property (RFC 7095) kept in `vCard.properties`, back to a content line. */
function fromJCard(prop: JCardProp): OutProperty | undefined {
  if (!Array.isArray(prop) || typeof prop[0] !== 'string' || !/^[^\t\r\n:;"]+$/.test(prop[0]))
    return undefined;
  const [name, rawParams, type, ...values] = prop;
  const params: Record<string, string[]> = {};
  let group: string | undefined;
  for (const [key, value] of Object.entries(rawParams ?? {})) {
    if (key === 'group') group = asList(value)[0];
    else params[key.toLowerCase()] = asList(value);
  }
  if (typeof type === 'string' && type !== 'unknown' && !params.value) params.value = [type];
  const text = values
    .map((v) =>
      Array.isArray(v)
        ? v
            .map((c) =>
              Array.isArray(c) ? c.map((x) => escapeText(String(x))).join(',') : escapeText(String(c)),
            )
            .join(';')
        : type === 'unknown'
          ? String(v)
          : escapeText(String(v)),
    )
    .join(',');
  return {
    ...(group && /^[A-Za-z0-9.-]+$/.test(group) ? { group } : {}),
    name: name.toLowerCase(),
    params,
    value: text,
  };
}

/**
 * The reverse of the grouped-property rules: an entry's `label` becomes an X-ABLABEL in the
 * entry's group, and a title's `organizationId` puts the TITLE in its ORG's group. Groups not
 * given by `vCard.convertedProperties` are made up as item1, item2, ...
 */
function groupLabelsAndTitles(props: OutProperty[], card: Card): void {
  const used = new Set(props.map((p) => p.group?.toLowerCase()).filter(Boolean));
  let next = 0;
  const newGroup = () => {
    let g: string;
    do g = `item${++next}`;
    while (used.has(g));
    used.add(g);
    return g;
  };
  const converted = card.vCard?.convertedProperties ?? {};
  const done = new Set<string>();
  const labels: OutProperty[] = [];
  const data = card as Record<string, unknown>;
  for (const p of props) {
    if (!p.pointer) continue;
    const [map, rawId] = p.pointer.split('/');
    if (!map || rawId === undefined) continue;
    const entryPointer = `${map}/${rawId}`;
    if (done.has(entryPointer)) continue;
    const id = unescapePointer(rawId);
    const entry = (data[map] as Record<string, Record<string, unknown>> | undefined)?.[id];
    if (!entry || typeof entry !== 'object') continue;
    if (typeof entry.label === 'string') {
      done.add(entryPointer);
      const extra = converted[`${entryPointer}/label`]?.parameters?.group;
      p.group ??= (Array.isArray(extra) ? extra[0] : extra) ?? newGroup();
      labels.push({
        group: p.group,
        name: 'x-ablabel',
        params: {},
        value: escapeText(entry.label),
        pointer: `${entryPointer}/label`,
      });
    }
    if (map === 'titles' && typeof entry.organizationId === 'string') {
      const org = props.find(
        (o) => o.pointer === `organizations/${escapePointer(entry.organizationId as string)}`,
      );
      if (org) {
        org.group ??= newGroup();
        p.group = org.group;
      }
    }
  }
  for (const l of labels) {
    const extra = converted[l.pointer ?? ''];
    for (const [key, value] of Object.entries(extra?.parameters ?? {}))
      if (key !== 'group') l.params[key.toLowerCase()] = asList(value);
  }
  props.push(...labels);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => same(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => same(a[k], b[k]));
  }
  return false;
}

/** Members of `want` that `got` lacks or holds differently, as JSON pointers (RFC 6901, no leading /). */
function missing(want: unknown, got: unknown, path: string, outList: [string, unknown][]): void {
  if (same(want, got)) return;
  if (isObject(want) && isObject(got)) {
    for (const [key, value] of Object.entries(want)) {
      if (value === undefined) continue;
      // '@type' is implied by where an object sits (RFC 9553); readers leave it out.
      if (key === '@type' && got[key] === undefined && path !== '') continue;
      if (path === '' && (key === 'vCard' || key === '@type' || key === 'version')) continue;
      missing(value, got[key], path === '' ? escapePointer(key) : `${path}/${escapePointer(key)}`, outList);
    }
    return;
  }
  if (path !== '') outList.push([path, want]);
}

function toVCardProperty(p: OutProperty): VCardProperty {
  return { ...(p.group ? { group: p.group } : {}), name: p.name, params: p.params, value: p.value };
}

/** The content lines of one card, unfolded, without BEGIN/END. */
export function cardContentLines(card: Card, options: WriteOptions = {}): string[] {
  const version = options.version ?? '4.0';
  const props = cardProperties(card, version);
  applyConverted(props, card, version);
  groupLabelsAndTitles(props, card);
  for (const prop of Array.isArray(card.vCard?.properties) ? card.vCard.properties : []) {
    const p = fromJCard(prop);
    if (p) props.push(p);
  }
  // What the read-back lacks is written as JSPROP, so nothing JSContact holds is lost.
  const readBack = vcardObjectToCard({ version, properties: props.map(toVCardProperty) });
  const lost: [string, unknown][] = [];
  missing(card, readBack, '', lost);
  for (const [pointer, value] of lost)
    props.push({ name: 'jsprop', params: { jsptr: [pointer] }, value: escapeText(JSON.stringify(value)) });
  return props.map((p) => writeContentLine(p, p.value));
}

/** One card as vCard text (CRLF, folded at 75 octets). */
export function cardToVCard(card: Card, options: WriteOptions = {}): string {
  const version = options.version ?? '4.0';
  const lines = ['BEGIN:VCARD', `VERSION:${version}`, ...cardContentLines(card, options), 'END:VCARD'];
  return lines.map((l) => `${fold(l)}\r\n`).join('');
}

/** An address book export: every card, one after the other (RFC 6350 §3.1 allows many). */
export function jscontactToVCard(cards: readonly Card[], options: WriteOptions = {}): string {
  return cards.map((c) => cardToVCard(c, options)).join('');
}
