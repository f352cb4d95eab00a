/**
 * vCard -> JSContact Card, following RFC 9555. What JSContact has no member for is not lost:
 * unconverted properties go to `vCard.properties` (jCard form, RFC 9555), and the
 * parameters a converted property carries beyond the mapping go to `vCard.convertedProperties`
 * under the JSON pointer of the member they were converted to. JSPROP (RFC 9555) sets
 * members that vCard cannot express.
 */
import type { VCardProperty } from './content-line.js';
import { structuredValue, unescapeText } from './content-line.js';
import type { VCardObject } from './read-vcards.js';
import { convertProperty } from './from-vcard-properties.js';
import type { Card, JCardProp, VCardProp } from './types.js';
import { STRUCTURED } from './vcard-model.js';
import { unescapePointer } from './values.js';

/** State of one card's conversion: the card, its id counters and its RFC 9555 extras. */
export class CardBuilder {
  readonly card: Card = { '@type': 'Card', version: '1.0' } as Card;
  private readonly converted: Record<string, VCardProp> = {};
  private readonly unknown: JCardProp[] = [];
  private readonly used = new Map<string, Set<string>>();
  private readonly counters = new Map<string, number>();

  /** The pointer the last converted property went to (for grouped X-ABLabel and ORG/TITLE). */
  lastPointer: string | undefined;

  constructor(readonly vcardVersion: string) {}

  /** Records a converted property's parameters under an explicit pointer (no rule of its own). */
  record(pointer: string, entry: VCardProp): void {
    this.converted[pointer] = entry;
  }

  /** A map member of the card, created on first use. */
  map<T>(name: string): Record<string, T> {
    const card = this.card as Record<string, unknown>;
    if (card[name] === undefined) card[name] = {};
    return card[name] as Record<string, T>;
  }

  /** RFC 9555 PROP-ID names the map key; otherwise k1, k2, ... per map. */
  newId(mapName: string, property: VCardProperty): string {
    const used = this.used.get(mapName) ?? new Set<string>();
    this.used.set(mapName, used);
    const wanted = property.params['prop-id']?.[0];
    if (wanted && /^[A-Za-z0-9_-]{1,255}$/.test(wanted) && !used.has(wanted)) {
      used.add(wanted);
      return wanted;
    }
    let n = this.counters.get(mapName) ?? 0;
    let id: string;
    do id = `k${++n}`;
    while (used.has(id));
    this.counters.set(mapName, n);
    used.add(id);
    return id;
  }

  /**
   * Records what the mapping did not consume: parameters not in `consumed` (and TYPE values left
   * over), the group, and the vCard name when it is not the default one for `pointer`.
   */
  extras(
    pointer: string,
    property: VCardProperty,
    consumed: readonly string[],
    options: { name?: string; type?: string[] } = {},
  ): void {
    this.lastPointer = pointer;
    const parameters: Record<string, string | string[]> = {};
    if (property.group) parameters.group = property.group;
    for (const [key, values] of Object.entries(property.params)) {
      if (consumed.includes(key) || key === 'prop-id') continue;
      if (key === 'type') continue;
      parameters[key] = values.length === 1 ? (values[0] ?? '') : values;
    }
    const type = options.type ?? (consumed.includes('type') ? [] : (property.params.type ?? []));
    if (type.length) parameters.type = type.length === 1 ? (type[0] ?? '') : type;
    const entry: VCardProp = {};
    if (options.name) entry.name = options.name;
    if (Object.keys(parameters).length) entry.parameters = parameters;
    if (Object.keys(entry).length) this.converted[pointer] = entry;
  }

  /** RFC 9555: a property kept in jCard form (RFC 7095), group as a parameter. */
  keep(property: VCardProperty): void {
    const params: Record<string, string | string[]> = {};
    if (property.group) params.group = property.group;
    for (const [key, values] of Object.entries(property.params))
      params[key] = values.length === 1 ? (values[0] ?? '') : values;
    const value: unknown = STRUCTURED.has(property.name)
      ? structuredValue(property.value).map((c) => (c.length === 1 ? c[0] : c))
      : property.value.replace(/\r\n|\r|\n/g, '\\n');
    this.unknown.push([property.name, params, 'unknown', value]);
  }

  finish(): Card {
    if (Object.keys(this.converted).length || this.unknown.length) {
      const ext: Card['vCard'] = {};
      if (Object.keys(this.converted).length) ext.convertedProperties = this.converted;
      if (this.unknown.length) ext.properties = this.unknown;
      this.card.vCard = ext;
    }
    return this.card;
  }
}

/** RFC 9555 JSPROP: sets the member at JSPTR to the JSON value. */
function applyJsProp(card: Card, property: VCardProperty): boolean {
  const pointer = property.params.jsptr?.[0];
  if (pointer === undefined || pointer === '' || pointer.startsWith('/')) return false;
  let value: unknown;
  try {
    value = JSON.parse(unescapeText(property.value));
  } catch {
    return false;
  }
  const tokens = pointer.split('/').map(unescapePointer);
  if (tokens.some((t) => t === '__proto__' || t === 'constructor' || t === 'prototype')) return false;
  let target: Record<string, unknown> | unknown[] = card as Record<string, unknown>;
  for (let i = 0; i < tokens.length - 1; i++) {
    const token = tokens[i] ?? '';
    const next = (target as Record<string, unknown>)[token];
    if (next === undefined || next === null || typeof next !== 'object') {
      const created = /^\d+$/.test(tokens[i + 1] ?? '') ? [] : {};
      (target as Record<string, unknown>)[token] = created;
      target = created;
    } else target = next as Record<string, unknown>;
  }
  (target as Record<string, unknown>)[tokens[tokens.length - 1] ?? ''] = value;
  return true;
}

const LABELLED = new Set([
  'emails',
  'phones',
  'onlineServices',
  'links',
  'addresses',
  'calendars',
  'schedulingAddresses',
  'nicknames',
  'media',
  'cryptoKeys',
  'directories',
  'preferredLanguages',
]);

/**
 * Properties that share a group (RFC 6350 §3.3): Apple's X-ABLabel names the entry of its group
 * (RFC 9555 maps it to `label`), and a TITLE or ROLE grouped with an ORG gets its
 * `organizationId` (RFC 9555, TITLE and ROLE).
 */
function linkGroups(b: CardBuilder, groups: Map<string, string[]>, labels: VCardProperty[]): void {
  const card = b.card as Record<string, Record<string, Record<string, unknown>>>;
  const entryAt = (pointer: string) => {
    const [map, id] = pointer.split('/').map(unescapePointer);
    return map && id ? card[map]?.[id] : undefined;
  };
  for (const label of labels) {
    const target = (groups.get(label.group?.toLowerCase() ?? '') ?? []).find(
      (p) => LABELLED.has(p.split('/')[0] ?? '') && entryAt(p)?.label === undefined,
    );
    const entry = target ? entryAt(target) : undefined;
    if (!target || !entry) {
      b.keep(label);
      continue;
    }
    entry.label = unescapeText(label.value);
    const parameters: Record<string, string | string[]> = { group: label.group ?? '' };
    for (const [key, values] of Object.entries(label.params))
      parameters[key] = values.length === 1 ? (values[0] ?? '') : values;
    b.record(`${target}/label`, { name: 'x-ablabel', parameters });
  }
  for (const pointers of groups.values()) {
    const org = pointers.find((p) => p.startsWith('organizations/'));
    if (!org) continue;
    for (const p of pointers.filter((x) => x.startsWith('titles/'))) {
      const title = entryAt(p);
      if (title && title.organizationId === undefined)
        title.organizationId = unescapePointer(org.split('/')[1] ?? '');
    }
  }
}

/** Converts one vCard (as read by `readVCardObjects`) to a JSContact Card. Never throws. */
export function vcardObjectToCard(object: VCardObject): Card {
  const builder = new CardBuilder(object.version);
  const later: VCardProperty[] = [];
  const jsprops: VCardProperty[] = [];
  const labels: VCardProperty[] = [];
  /** group -> the map entries its properties became ("phones/k1"). */
  const groups = new Map<string, string[]>();
  for (const property of object.properties) {
    if (property.name === 'birthplace' || property.name === 'deathplace') later.push(property);
    else if (property.name === 'jsprop' && !property.group) jsprops.push(property);
    else if (property.name === 'x-ablabel' && property.group) labels.push(property);
    else {
      builder.lastPointer = undefined;
      const converted = convertProperty(builder, property);
      // The rule moved lastPointer; TypeScript cannot see that through the call.
      const last = builder.lastPointer as string | undefined;
      if (!converted) builder.keep(property);
      else if (property.group && last) {
        const entry = last.split('/').slice(0, 2).join('/');
        const list = groups.get(property.group.toLowerCase()) ?? [];
        list.push(entry);
        groups.set(property.group.toLowerCase(), list);
      }
    }
  }
  for (const property of later) if (!convertProperty(builder, property)) builder.keep(property);
  linkGroups(builder, groups, labels);
  const card = builder.finish();
  for (const property of jsprops) if (!applyJsProp(card, property)) builder.keep(property);
  if (jsprops.length) builder.finish();
  return card;
}
