/**
 * vCard -> JSContact Card, following RFC 9555 §2. What JSContact has no member for is not lost:
 * unconverted properties go to `vCard.properties` (jCard form, RFC 9555 §3.3.1), and the
 * parameters a converted property carries beyond the mapping go to `vCard.convertedProperties`
 * under the JSON pointer of the member they were converted to. JSPROP (RFC 9555 §3.2.1) sets
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

  constructor(readonly vcardVersion: string) {}

  /** A map member of the card, created on first use. */
  map<T>(name: string): Record<string, T> {
    const card = this.card as Record<string, unknown>;
    if (card[name] === undefined) card[name] = {};
    return card[name] as Record<string, T>;
  }

  /** RFC 9555 §3.4.? PROP-ID names the map key; otherwise k1, k2, ... per map. */
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

  /** RFC 9555 §3.3.1: a property kept in jCard form (RFC 7095 §3.3), group as a parameter. */
  keep(property: VCardProperty): void {
    const params: Record<string, string | string[]> = {};
    if (property.group) params.group = property.group;
    for (const [key, values] of Object.entries(property.params))
      params[key] = values.length === 1 ? (values[0] ?? '') : values;
    const value: unknown = STRUCTURED.has(property.name)
      ? structuredValue(property.value).map((c) => (c.length === 1 ? c[0] : c))
      : property.value;
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

/** RFC 9555 §3.2.1 JSPROP: sets the member at JSPTR to the JSON value. */
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

/** Converts one vCard (as read by `readVCardObjects`) to a JSContact Card. Never throws. */
export function vcardObjectToCard(object: VCardObject): Card {
  const builder = new CardBuilder(object.version);
  const later: VCardProperty[] = [];
  const jsprops: VCardProperty[] = [];
  for (const property of object.properties) {
    if (property.name === 'birthplace' || property.name === 'deathplace') later.push(property);
    else if (property.name === 'jsprop' && !property.group) jsprops.push(property);
    else if (!convertProperty(builder, property)) builder.keep(property);
  }
  for (const property of later) if (!convertProperty(builder, property)) builder.keep(property);
  const card = builder.finish();
  for (const property of jsprops) if (!applyJsProp(card, property)) builder.keep(property);
  if (jsprops.length) builder.finish();
  return card;
}
