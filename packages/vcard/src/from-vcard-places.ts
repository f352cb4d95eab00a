/** BDAY, ANNIVERSARY, DEATHDATE and their places, ADR, GEO and TZ (RFC 9555). */
import { structuredValue } from './content-line.js';
import type { Rule } from './from-vcard-common.js';
import {
  common,
  first,
  prefConsumed,
  readJsComps,
  text,
  valueType,
  withCommon,
} from './from-vcard-common.js';
import type { Address, AddressComponent, Anniversary } from './types.js';
import { ADR_KINDS } from './vcard-model.js';
import { escapePointer, offsetToEtc, parseVCardDate } from './values.js';

/** BDAY, ANNIVERSARY, DEATHDATE (RFC 9555): anniversaries with a date or a timestamp. */
export const anniversary =
  (kind: 'birth' | 'wedding' | 'death'): Rule =>
  (b, p) => {
    const vt = valueType(p);
    if (vt === 'text') return false;
    const date = parseVCardDate(p.value);
    if (!date) return false;
    const consumed = vt ? ['value'] : [];
    const scale = first(p, 'calscale');
    if (scale && !('utc' in date)) {
      date.calendarScale = scale.toLowerCase();
      consumed.push('calscale');
    }
    const id = b.newId('anniversaries', p);
    b.map<Anniversary>('anniversaries')[id] = { kind, date };
    b.extras(`anniversaries/${escapePointer(id)}/date`, p, consumed);
    return true;
  };

/** BIRTHPLACE, DEATHPLACE: the place of the birth/death anniversary (read after the dates). */
export const place =
  (kind: 'birth' | 'death'): Rule =>
  (b, p) => {
    const entries = Object.entries(b.card.anniversaries ?? {});
    const found = entries.find(([, a]) => a.kind === kind && a.place === undefined);
    if (!found) return false;
    const [id, a] = found;
    const vt = valueType(p);
    if (vt === 'uri') {
      if (!p.value.startsWith('geo:')) return false;
      a.place = { coordinates: p.value };
      b.extras(`anniversaries/${escapePointer(id)}/place/coordinates`, p, ['value']);
    } else {
      a.place = { full: text(p) };
      b.extras(`anniversaries/${escapePointer(id)}/place/full`, p, vt ? ['value'] : []);
    }
    return true;
  };

/** ADR (RFC 9555): RFC 9554 components win over the ext/street they duplicate. */
export const adr: Rule = (b, p) => {
  const raw = structuredValue(p.value);
  const values = raw.map((list) => list.filter((v) => v !== ''));
  const address: Address = {};
  const consumed: string[] = ['type', ...prefConsumed(p)];
  const jscomps = first(p, 'jscomps');
  const ordered = jscomps !== undefined ? readJsComps(jscomps, raw, ADR_KINDS) : undefined;
  const components: AddressComponent[] = [];
  if (ordered) {
    components.push(...ordered.components);
    address.isOrdered = true;
    if (ordered.separator !== undefined) address.defaultSeparator = ordered.separator;
    consumed.push('jscomps');
  } else {
    const extended = values.slice(7).some((l) => l.length > 0);
    const order = extended ? [0, 7, 8, 9, 12, 13, 10, 11, 14, 15, 3, 4, 5, 6, 16, 17] : [0, 1, 2, 3, 4, 5, 6];
    // The order of RFC 9555's examples: box, apartment/street, locality, region, postcode, country.
    const natural = extended ? [0, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17] : order;
    for (const i of natural)
      for (const value of values[i] ?? []) components.push({ kind: ADR_KINDS[i] ?? 'name', value });
  }
  if (components.length) address.components = components;
  const c = common(p);
  withCommon(address, c);
  const label = first(p, 'label');
  if (label !== undefined) {
    // RFC 6350 §6.3.1's own example writes newlines as \n in LABEL (RFC 6868 later made it ^n).
    address.full = label.replace(/\\n/gi, '\n');
    consumed.push('label');
  }
  const cc = first(p, 'cc');
  if (cc) {
    address.countryCode = cc;
    consumed.push('cc');
  }
  const geo = first(p, 'geo');
  if (geo) {
    address.coordinates = geo;
    consumed.push('geo');
  }
  const tz = first(p, 'tz');
  if (tz) {
    address.timeZone = tz;
    consumed.push('tz');
  }
  const id = b.newId('addresses', p);
  b.map<Address>('addresses')[id] = address;
  b.extras(`addresses/${escapePointer(id)}`, p, consumed, { type: c.rest });
  return true;
};

/** GEO and TZ outside ADR (RFC 9555): an address of their own, named in convertedProperties. */
export const geoOrTz =
  (which: 'geo' | 'tz'): Rule =>
  (b, p) => {
    const vt = valueType(p);
    let value: string | undefined;
    if (which === 'geo') value = p.value.trim();
    else if (vt === 'text' || (vt === undefined && /^[A-Za-z]/.test(p.value))) value = text(p);
    else value = offsetToEtc(p.value);
    if (!value) return false;
    const id = b.newId('addresses', p);
    const member = which === 'geo' ? 'coordinates' : 'timeZone';
    b.map<Address>('addresses')[id] = { [member]: value };
    b.extras(`addresses/${escapePointer(id)}/${member}`, p, vt ? ['value'] : [], { name: which });
    return true;
  };
