/**
 * The per-property rules of RFC 9555 §2 (vCard -> JSContact). Each rule returns false when the
 * property cannot be converted (an unexpected value type, an unreadable date): the caller then
 * keeps it whole in `vCard.properties`, so nothing is lost.
 */
import type { VCardProperty } from './content-line.js';
import { splitEscaped, structuredValue, unescapeText } from './content-line.js';
import type { CardBuilder } from './from-vcard.js';
import type {
  Address,
  AddressComponent,
  Anniversary,
  Contexts,
  Name,
  NameComponent,
  Resource,
} from './types.js';
import { ADR_KINDS, N_KINDS, TEL_FEATURES, TYPE_CONTEXTS } from './vcard-model.js';
import { escapePointer, mediaTypeFromType, offsetToEtc, parseVCardDate } from './values.js';

const first = (p: VCardProperty, name: string): string | undefined => p.params[name]?.[0];
const valueType = (p: VCardProperty): string | undefined => first(p, 'value')?.toLowerCase();
const text = (p: VCardProperty): string => unescapeText(p.value);
/** URI values are not escaped in 4.0 (RFC 6350 §4.2), but 3.0 exports escape `:` and `,`. */
const uri = (p: VCardProperty): string => unescapeText(p.value).trim();

interface Common {
  contexts?: Contexts;
  pref?: number;
  /** TYPE values the rule did not use. */
  rest: string[];
}

/** RFC 9555 §2.1: TYPE (contexts, and 3.0's TYPE=pref) and PREF. `features` takes more TYPEs. */
function common(p: VCardProperty, features?: (t: string) => boolean): Common {
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
function withCommon<T extends object>(target: T, c: Common): T {
  if (c.contexts) Object.assign(target, { contexts: c.contexts });
  if (c.pref !== undefined) Object.assign(target, { pref: c.pref });
  return target;
}
/** Keys a parameter list as consumed when it parsed: an unusable PREF stays a parameter. */
function prefConsumed(p: VCardProperty): string[] {
  const pref = Number(first(p, 'pref'));
  return Number.isInteger(pref) && pref >= 1 && pref <= 100 ? ['pref'] : [];
}

type Rule = (b: CardBuilder, p: VCardProperty) => boolean;

function once(b: CardBuilder, member: string): boolean {
  return (b.card as Record<string, unknown>)[member] === undefined;
}

const simple =
  (member: 'prodId' | 'uid' | 'language', convert: (p: VCardProperty) => string = text): Rule =>
  (b, p) => {
    if (!once(b, member) || (valueType(p) && valueType(p) !== 'text' && member !== 'uid')) return false;
    (b.card as Record<string, unknown>)[member] = convert(p);
    b.extras(member, p, []);
    return true;
  };

const timestamp =
  (member: 'created' | 'updated'): Rule =>
  (b, p) => {
    if (!once(b, member)) return false;
    const date = parseVCardDate(p.value);
    if (!date || !('utc' in date)) return false;
    b.card[member] = date.utc;
    b.extras(member, p, ['value']);
    return true;
  };

/** FN (RFC 9555 §2.2.?): name.full; an empty derived FN (written for an FN-less card) is dropped. */
const fn: Rule = (b, p) => {
  const derived = first(p, 'derived')?.toLowerCase() === 'true';
  if (derived && p.value === '') return true;
  const name = (b.card.name ??= {});
  if (name.full !== undefined) return false;
  name.full = text(p);
  b.extras('name/full', p, []);
  return true;
};

/** JSCOMPS (RFC 9555 §3.4.?): `sep;entry;...` where an entry is `i`, `i,j` or `s,text`. */
function readJsComps(
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

/** N (RFC 9555 §2.2.?): components in position order; surname2 and generation are not repeated. */
const n: Rule = (b, p) => {
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

const nickname: Rule = (b, p) => {
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

/** PHOTO, LOGO, SOUND (RFC 9555 §2.6.?): media; a 3.0 ENCODING=b value becomes a data: URI. */
const media =
  (kind: 'photo' | 'logo' | 'sound'): Rule =>
  (b, p) => {
    const encoding = first(p, 'encoding')?.toLowerCase();
    // In a 3.0 inline value, TYPE=JPEG is the media type (RFC 2426 §3.1.4), not a context.
    const c = common(p, () => encoding === 'b' || encoding === 'base64');
    const consumed = ['type', ...prefConsumed(p)];
    let mediaType = first(p, 'mediatype');
    if (mediaType) consumed.push('mediatype');
    let value = uri(p);
    if (encoding === 'b' || encoding === 'base64') {
      const type = (p.params.type ?? []).find(
        (t) => !TYPE_CONTEXTS[t.toLowerCase()] && t.toLowerCase() !== 'pref',
      );
      mediaType ??= mediaTypeFromType(type, kind) ?? 'application/octet-stream';
      value = `data:${mediaType};base64,${p.value.replace(/\s+/g, '')}`;
      consumed.push('encoding');
      mediaType = undefined;
    }
    const vt = valueType(p);
    if (vt === 'uri' || vt === 'url' || vt === 'binary') consumed.push('value');
    const id = b.newId('media', p);
    const entry: Resource = withCommon({ kind, uri: value }, c);
    if (mediaType) entry.mediaType = mediaType;
    b.map<Resource>('media')[id] = entry;
    b.extras(`media/${escapePointer(id)}`, p, consumed, { type: c.rest });
    return true;
  };

/** BDAY, ANNIVERSARY, DEATHDATE (RFC 9555 §2.8.?): anniversaries with a date or a timestamp. */
const anniversary =
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
const place =
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

/** ADR (RFC 9555 §2.5.1): RFC 9554 components win over the ext/street they duplicate. */
const adr: Rule = (b, p) => {
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

/** GEO and TZ outside ADR (RFC 9555 §2.5.?): an address of their own, named in convertedProperties. */
const geoOrTz =
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

const tel: Rule = (b, p) => {
  const features: Record<string, boolean> = {};
  const c = common(p, (t) => {
    const f = TEL_FEATURES[t];
    if (f) features[f] = true;
    return f !== undefined;
  });
  const entry = withCommon({ number: uri(p) }, c) as { number: string; features?: Record<string, boolean> };
  if (Object.keys(features).length) entry.features = features;
  const id = b.newId('phones', p);
  b.map<object>('phones')[id] = entry;
  const vt = valueType(p);
  b.extras(
    `phones/${escapePointer(id)}/number`,
    p,
    ['type', ...prefConsumed(p), ...(vt === 'uri' || vt === 'text' ? ['value'] : [])],
    { type: c.rest },
  );
  return true;
};

/** A property converted to `{ [member]: value }` plus contexts and pref in the map `mapName`. */
const entryRule =
  (
    mapName: string,
    member: string,
    options: {
      index?: boolean;
      extra?: Record<string, unknown>;
      uriValue?: boolean;
      name?: string;
      type?: (t: string) => boolean;
    } = {},
  ): Rule =>
  (b, p) => {
    const c = common(p, options.type);
    const entry = withCommon({ ...(options.extra ?? {}), [member]: options.uriValue ? uri(p) : text(p) }, c);
    const consumed = ['type', ...prefConsumed(p)];
    const mediaType = first(p, 'mediatype');
    if (mediaType && options.uriValue) {
      Object.assign(entry, { mediaType });
      consumed.push('mediatype');
    }
    const vt = valueType(p);
    if ((options.uriValue && vt === 'uri') || (!options.uriValue && vt === 'text')) consumed.push('value');
    const index = Number(first(p, 'index'));
    if (options.index && Number.isInteger(index) && index >= 1) {
      Object.assign(entry, { listAs: index });
      consumed.push('index');
    }
    const id = b.newId(mapName, p);
    b.map<object>(mapName)[id] = entry;
    b.extras(`${mapName}/${escapePointer(id)}/${member}`, p, consumed, {
      type: c.rest,
      ...(options.name ? { name: options.name } : {}),
    });
    return true;
  };

const socialProfile: Rule = (b, p) => {
  const c = common(p);
  const vt = valueType(p);
  const entry: Record<string, unknown> = withCommon({}, c);
  const consumed = ['type', ...prefConsumed(p)];
  const service = first(p, 'service-type');
  if (service) {
    entry.service = service;
    consumed.push('service-type');
  }
  // RFC 9554 §2.8: VALUE=text is a user name; a value without a URI scheme is one too.
  const isUser = vt === 'text' || (vt === undefined && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(p.value));
  const member = isUser ? 'user' : 'uri';
  entry[member] = isUser ? text(p) : uri(p);
  const username = first(p, 'username');
  if (username !== undefined && !isUser) {
    entry.user = username;
    consumed.push('username');
  }
  if (vt) consumed.push('value');
  const id = b.newId('onlineServices', p);
  b.map<object>('onlineServices')[id] = entry;
  b.extras(`onlineServices/${escapePointer(id)}/${member}`, p, consumed, { type: c.rest });
  return true;
};

const title =
  (kind: 'title' | 'role'): Rule =>
  (b, p) => {
    const id = b.newId('titles', p);
    b.map<object>('titles')[id] = { kind, name: text(p) };
    b.extras(`titles/${escapePointer(id)}/name`, p, []);
    return true;
  };

const org: Rule = (b, p) => {
  const [orgName = '', ...units] = structuredValue(p.value).map((l) => l.join(','));
  const c = common(p);
  const entry: Record<string, unknown> = withCommon({}, c);
  if (orgName !== '') entry.name = orgName;
  if (units.length) entry.units = units.map((name) => ({ name }));
  const consumed = ['type', ...prefConsumed(p)];
  const sortAs = first(p, 'sort-as');
  if (sortAs) {
    entry.sortAs = sortAs;
    consumed.push('sort-as');
  }
  const id = b.newId('organizations', p);
  b.map<object>('organizations')[id] = entry;
  b.extras(`organizations/${escapePointer(id)}`, p, consumed, { type: c.rest });
  return true;
};

const member: Rule = (b, p) => {
  b.map<boolean>('members')[uri(p)] = true;
  b.extras(`members/${escapePointer(uri(p))}`, p, []);
  return true;
};

const related: Rule = (b, p) => {
  const relation: Record<string, boolean> = {};
  for (const t of p.params.type ?? [])
    for (const v of t.split(',')) if (v.trim()) relation[v.trim().toLowerCase()] = true;
  const key = valueType(p) === 'text' ? text(p) : uri(p);
  const map = b.map<object>('relatedTo');
  if (map[key]) return false;
  map[key] = { relation };
  b.extras(`relatedTo/${escapePointer(key)}`, p, ['type', ...(valueType(p) ? ['value'] : [])]);
  return true;
};

const categories: Rule = (b, p) => {
  const words = splitEscaped(p.value, ',')
    .map(unescapeText)
    .filter((w) => w !== '');
  const map = b.map<boolean>('keywords');
  for (const w of words) map[w] = true;
  if (words[0] !== undefined) b.extras(`keywords/${escapePointer(words[0])}`, p, []);
  return true;
};

const note: Rule = (b, p) => {
  const entry: Record<string, unknown> = { note: text(p) };
  const consumed: string[] = [];
  const created = first(p, 'created');
  const stamp = created ? parseVCardDate(created) : undefined;
  if (stamp && 'utc' in stamp) {
    entry.created = stamp.utc;
    consumed.push('created');
  }
  const author: Record<string, string> = {};
  const authorName = first(p, 'author-name');
  if (authorName) {
    author.name = authorName;
    consumed.push('author-name');
  }
  const authorUri = first(p, 'author');
  if (authorUri) {
    author.uri = authorUri;
    consumed.push('author');
  }
  if (Object.keys(author).length) entry.author = author;
  const id = b.newId('notes', p);
  b.map<object>('notes')[id] = entry;
  b.extras(`notes/${escapePointer(id)}/note`, p, consumed);
  return true;
};

const LEVELS: Record<string, string> = {
  beginner: 'low',
  average: 'medium',
  expert: 'high',
  low: 'low',
  medium: 'medium',
  high: 'high',
};
const personal =
  (kind: 'expertise' | 'hobby' | 'interest'): Rule =>
  (b, p) => {
    const entry: Record<string, unknown> = { kind, value: text(p) };
    const consumed: string[] = [];
    const level = LEVELS[first(p, 'level')?.toLowerCase() ?? ''];
    if (level) {
      entry.level = level;
      consumed.push('level');
    }
    const index = Number(first(p, 'index'));
    if (Number.isInteger(index) && index >= 1) {
      entry.listAs = index;
      consumed.push('index');
    }
    const id = b.newId('personalInfo', p);
    b.map<object>('personalInfo')[id] = entry;
    b.extras(`personalInfo/${escapePointer(id)}/value`, p, consumed);
    return true;
  };

const kindRule: Rule = (b, p) => {
  if (!once(b, 'kind')) return false;
  b.card.kind = text(p).toLowerCase();
  b.extras('kind', p, []);
  return true;
};

const gramGender: Rule = (b, p) => {
  const speak = (b.card.speakToAs ??= {});
  if (speak.grammaticalGender !== undefined) return false;
  speak.grammaticalGender = text(p).toLowerCase();
  b.extras('speakToAs/grammaticalGender', p, []);
  return true;
};
const pronouns: Rule = (b, p) => {
  const speak = (b.card.speakToAs ??= {});
  const c = common(p);
  const id = b.newId('pronouns', p);
  (speak.pronouns ??= {})[id] = withCommon({ pronouns: text(p) }, c);
  b.extras(`speakToAs/pronouns/${escapePointer(id)}/pronouns`, p, ['type', ...prefConsumed(p)], {
    type: c.rest,
  });
  return true;
};

const RULES: Record<string, Rule> = {
  kind: kindRule,
  'x-addressbookserver-kind': (b, p) => {
    const done = kindRule(b, p);
    if (done) b.extras('kind', p, [], { name: 'x-addressbookserver-kind' });
    return done;
  },
  fn,
  n,
  nickname,
  photo: media('photo'),
  logo: media('logo'),
  sound: media('sound'),
  bday: anniversary('birth'),
  anniversary: anniversary('wedding'),
  deathdate: anniversary('death'),
  birthplace: place('birth'),
  deathplace: place('death'),
  adr,
  geo: geoOrTz('geo'),
  tz: geoOrTz('tz'),
  tel,
  email: entryRule('emails', 'address', { type: (t) => t === 'internet' }),
  impp: entryRule('onlineServices', 'uri', { uriValue: true, name: 'impp' }),
  socialprofile: socialProfile,
  lang: entryRule('preferredLanguages', 'language'),
  language: simple('language'),
  title: title('title'),
  role: title('role'),
  org,
  member,
  'x-addressbookserver-member': (b, p) => {
    const key = uri(p);
    if (!member(b, p)) return false;
    b.extras(`members/${escapePointer(key)}`, p, [], { name: 'x-addressbookserver-member' });
    return true;
  },
  related,
  categories,
  note,
  prodid: simple('prodId'),
  uid: simple('uid', uri),
  rev: timestamp('updated'),
  created: timestamp('created'),
  url: entryRule('links', 'uri', { uriValue: true }),
  'contact-uri': entryRule('links', 'uri', { uriValue: true, extra: { kind: 'contact' } }),
  key: (b, p) => {
    const encoding = first(p, 'encoding')?.toLowerCase();
    if (encoding === 'b' || encoding === 'base64') {
      const type = (p.params.type ?? []).find((t) => !TYPE_CONTEXTS[t.toLowerCase()]);
      const mediaType = mediaTypeFromType(type, 'key') ?? 'application/octet-stream';
      const id = b.newId('cryptoKeys', p);
      b.map<object>('cryptoKeys')[id] = { uri: `data:${mediaType};base64,${p.value.replace(/\s+/g, '')}` };
      b.extras(`cryptoKeys/${escapePointer(id)}`, p, ['type', 'encoding']);
      return true;
    }
    return entryRule('cryptoKeys', 'uri', { uriValue: true })(b, p);
  },
  fburl: entryRule('calendars', 'uri', { uriValue: true, extra: { kind: 'freeBusy' } }),
  caluri: entryRule('calendars', 'uri', { uriValue: true, extra: { kind: 'calendar' } }),
  caladruri: entryRule('schedulingAddresses', 'uri', { uriValue: true }),
  source: entryRule('directories', 'uri', { uriValue: true, extra: { kind: 'entry' } }),
  'org-directory': entryRule('directories', 'uri', {
    uriValue: true,
    index: true,
    extra: { kind: 'directory' },
  }),
  expertise: personal('expertise'),
  hobby: personal('hobby'),
  interest: personal('interest'),
  gramgender: gramGender,
  pronouns,
};

/** Converts one property into the card; false when no rule applies (the property is kept). */
export function convertProperty(b: CardBuilder, p: VCardProperty): boolean {
  const rule = RULES[p.name];
  if (!rule) return false;
  // A grouped property keeps its group in convertedProperties; the rules never read it.
  return rule(b, p);
}
