/**
 * The per-property rules of RFC 9555 (vCard -> JSContact). Each rule returns false when the
 * property cannot be converted (an unexpected value type, an unreadable date): the caller then
 * keeps it whole in `vCard.properties`, so nothing is lost.
 */
import type { VCardProperty } from './content-line.js';
import { splitEscaped, structuredValue, unescapeText } from './content-line.js';
import type { CardBuilder } from './from-vcard.js';
import type { Rule } from './from-vcard-common.js';
import { common, first, once, prefConsumed, text, uri, valueType, withCommon } from './from-vcard-common.js';
import { fn, n, nickname } from './from-vcard-names.js';
import { adr, anniversary, geoOrTz, place } from './from-vcard-places.js';
import type { Resource } from './types.js';
import { TEL_FEATURES, TYPE_CONTEXTS } from './vcard-model.js';
import { escapePointer, mediaTypeFromType, parseVCardDate } from './values.js';

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

/** PHOTO, LOGO, SOUND (RFC 9555): media; a 3.0 ENCODING=b value becomes a data: URI. */
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
  // RFC 9554: VALUE=text is a user name; a value without a URI scheme is one too.
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
